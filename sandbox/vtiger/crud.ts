/** The record operations: create, retrieve, update, revise, delete (reference §10, §11). */
import { permissionOf, typesOf, type OpContext } from "./context.ts";
import { moduleKind } from "./entities.ts";
import { accessDenied, DENIED, WsError } from "./errors.ts";
import { linesOf, sentLines } from "./line-items.ts";
import { asPhpArray, dbDateTime } from "./php.ts";
import {
  baseCurrency,
  checkAllMandatory,
  checkDuplicates,
  checkPresentMandatory,
  checkReferences,
  locate,
  productCurrency,
  resolveOwners,
  type WriteOp,
} from "./record-checks.ts";
import { creationFields, mergeFields, productTaxes, recordLabel, saveLines } from "./record-write.ts";
import type { StoredRecord } from "./store.ts";

const linesMissing = (): WsError => new WsError("MANDATORY_FIELDS_MISSING", "Mandatory Fields Missing..");

export function retrieveRecord(ctx: OpContext, id: unknown): Record<string, unknown> {
  return ctx.view.retrieve(locate(ctx, id, "retrieve"), ctx.user);
}

export function createRecord(ctx: OpContext, elementType: unknown, rawElement: unknown): Record<string, unknown> {
  const module = typeof elementType === "string" ? elementType : "";
  if (!typesOf(ctx).includes(module)) throw accessDenied();
  // Listed modules the sandbox does not simulate answer as if vtiger had no handler for them.
  if (!ctx.schema.has(module)) throw accessDenied(`${DENIED} for name : ${module}`);
  if (!permissionOf(ctx, module).create) throw accessDenied("Permission to write is denied");
  const element = { ...asPhpArray(rawElement) };
  checkReferences(ctx, module, element, "create");
  checkAllMandatory(ctx, module, element);
  const owners = resolveOwners(ctx, module, element);
  const kind = moduleKind(module);
  const lines = sentLines(element.LineItems);
  if (kind === "inventory" && lines.length === 0) throw linesMissing();
  const currency = kind === "product" ? (productCurrency(ctx, element.currency_id) ?? baseCurrency(ctx)) : undefined;

  const fields = mergeFields(ctx, module, element, owners);
  if (currency) fields.currency_id = currency;
  checkDuplicates(ctx, module, fields);
  // Numbering happens on save, so a rejected record does not use up a number.
  Object.assign(fields, creationFields(ctx, module, element));
  const extra: Partial<StoredRecord> = { label: recordLabel(ctx, module, fields) };
  if (kind === "product") extra.productTaxes = productTaxes(element);
  const record = ctx.store.insert(module, fields, extra);
  if (kind !== "inventory") return ctx.view.retrieve(record, ctx.user);
  const totals = saveLines(ctx, record, element, lines);
  return ctx.view.savedInventory(record, ctx.user, { totals, sentInvoiceStatus: element.invoicestatus, created: true });
}

/** update: every mandatory field must be sent; the rest is merged into the stored record (7.0+). */
export function updateRecord(ctx: OpContext, rawElement: unknown): Record<string, unknown> {
  return write(ctx, rawElement, "update");
}

/** revise: partial update; mandatory fields are checked only when present. */
export function reviseRecord(ctx: OpContext, rawElement: unknown): Record<string, unknown> {
  return write(ctx, rawElement, "revise");
}

function write(ctx: OpContext, rawElement: unknown, op: Exclude<WriteOp, "create">): Record<string, unknown> {
  const element = { ...asPhpArray(rawElement) };
  const record = locate(ctx, element.id, "update");
  const module = record.module;
  checkReferences(ctx, module, element, op);
  if (op === "update") checkAllMandatory(ctx, module, element);
  else checkPresentMandatory(ctx, module, element);
  const owners = resolveOwners(ctx, module, element);
  const kind = moduleKind(module);
  const currency = kind === "product" ? productCurrency(ctx, element.currency_id) : undefined;

  const fields = mergeFields(ctx, module, element, owners, record);
  if (currency) fields.currency_id = currency;
  checkDuplicates(ctx, module, fields, record.id);
  record.fields = fields;
  record.label = recordLabel(ctx, module, fields);
  if (kind === "product") record.productTaxes = productTaxes(element);
  ctx.store.changed(record);

  const lines = sentLines(element.LineItems);
  // Without LineItems vtiger saves the record as a plain field update: lines and totals stay as they are.
  if (kind !== "inventory" || lines.length === 0) return ctx.view.retrieve(record, ctx.user);
  const totals = saveLines(ctx, record, element, lines);
  return ctx.view.savedInventory(record, ctx.user, { totals, sentInvoiceStatus: element.invoicestatus, created: false });
}

/** Entity records go to the recycle bin (deleted = 1); actor rows are removed; inventory lines go with their parent. */
export function deleteRecord(ctx: OpContext, id: unknown): { status: string } {
  const record = locate(ctx, id, "delete");
  const kind = moduleKind(record.module);
  if (kind === "actor") {
    ctx.store.remove(record.module, record.id);
  } else {
    if (kind === "inventory") {
      for (const line of linesOf(ctx.store, record)) ctx.store.remove("LineItem", line.id);
    }
    record.deleted = true;
    record.fields.modifiedtime = dbDateTime(ctx.now);
    ctx.store.changed(record);
  }
  return { status: "successful" };
}
