/**
 * Turning a validated `element` into stored values: which fields a client may write, vtiger's
 * server-side fields (numbering, times, modifiedby, label), product taxes/currency and inventory lines.
 */
import type { OpContext } from "./context.ts";
import { moduleKind, simulatedModule, wsId } from "./entities.ts";
import type { DescribeField } from "./fixtures.ts";
import { overallDiscount, shippingCharges, type Totals } from "./inventory.ts";
import { buildLineFields, linesOf, recordTotals, TAX_NAMES } from "./line-items.ts";
import { dbDateTime, decimalText, phpEmpty, phpFloat } from "./php.ts";
import { LINE_COLUMNS } from "./record-view.ts";
import type { StoredRecord } from "./store.ts";
import { currencyDecimals } from "./users.ts";
import { emptyValue, storedValue } from "./values.ts";

/** Maintained by the server whatever the client sends. */
const SERVER_FIELDS = new Set(["modifiedby", "hdnSubTotal", "hdnGrandTotal", "pre_tax_total"]);

const isEditable = (field: DescribeField): boolean => field.editable === true || field.editable === "1";

function writableFields(ctx: OpContext, module: string): DescribeField[] {
  const inventory = moduleKind(module) === "inventory";
  return ctx.schema
    .columnFields(module)
    .filter((f) => isEditable(f) && f.name !== "id" && !SERVER_FIELDS.has(f.name))
    .filter((f) => !(inventory && LINE_COLUMNS.has(f.name)));
}

/** Currency fields are rounded to the user's decimals, except on inventory records (reference §10.1). */
function moneyDecimals(ctx: OpContext, module: string): number | undefined {
  return moduleKind(module) === "inventory" ? undefined : currencyDecimals(ctx.user);
}

/**
 * Field values after applying `element` on top of `current` (7.0+ update and revise merge; create starts
 * from empty columns). Unknown fields are ignored, as vtiger does.
 */
export function mergeFields(
  ctx: OpContext,
  module: string,
  element: Record<string, unknown>,
  owners: Record<string, string>,
  current?: StoredRecord,
): Record<string, string> {
  const fields: Record<string, string> = { ...current?.fields };
  const decimals = moneyDecimals(ctx, module);
  const input = moduleKind(module) === "inventory" ? withDefaultConversionRate(element) : element;
  for (const field of writableFields(ctx, module)) {
    if (Object.hasOwn(owners, field.name)) fields[field.name] = owners[field.name] ?? "";
    else if (Object.hasOwn(input, field.name)) fields[field.name] = storedValue(module, field, input[field.name], decimals);
    // A new record without owner belongs to the current user (CRMEntity::save).
    else if (!current && field.type.name === "owner") fields[field.name] = wsId("Users", ctx.user.id);
    else if (!current) fields[field.name] = emptyValue(module, field);
  }
  if (moduleKind(module) !== "actor" && module !== "Users") {
    fields.modifiedtime = dbDateTime(ctx.now);
    fields.modifiedby = wsId("Users", ctx.user.id);
  }
  return fields;
}

/** VtigerInventoryOperation::sanitizeInventoryForInsert sets an empty conversion rate to 1 on every write. */
function withDefaultConversionRate(element: Record<string, unknown>): Record<string, unknown> {
  return phpEmpty(element.conversion_rate) ? { ...element, conversion_rate: 1 } : element;
}

/** Fields only a new crmentity row gets: number, creation time, source (a client-sent source is kept). */
export function creationFields(ctx: OpContext, module: string, element: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  const numbering = simulatedModule(module)?.autoNumber;
  if (numbering) fields[numbering.field] = `${numbering.prefix}${ctx.store.next(`number:${module}`)}`;
  if (moduleKind(module) !== "actor" && module !== "Users") {
    fields.createdtime = dbDateTime(ctx.now);
    fields.source = phpEmpty(element.source) ? "WEBSERVICE" : String(element.source);
  }
  return fields;
}

/** crmentity.label: the module's label fields joined by spaces. */
export function recordLabel(ctx: OpContext, module: string, fields: Record<string, string>): string | undefined {
  const kind = moduleKind(module);
  if (kind === "actor" || kind === "users") return undefined;
  return ctx.schema
    .base(module)
    .labelFields.split(",")
    .map((name) => fields[name] ?? "")
    .filter(Boolean)
    .join(" ");
}

/**
 * Products/Services taxes: on every save vtiger deletes the product's taxes and re-adds only the taxN
 * sent (non-empty) — a revise without taxes removes them.
 */
export function productTaxes(element: Record<string, unknown>): Record<string, string> {
  const taxes: Record<string, string> = {};
  for (const name of TAX_NAMES) {
    if (Object.hasOwn(element, name) && element[name] !== "") taxes[name] = decimalText(phpFloat(element[name]), 3);
  }
  return taxes;
}

/**
 * Replace an inventory record's lines and recompute its totals. S&H, adjustment and overall discount are
 * taken from this element only: not resent means dropped (reference §20).
 */
export function saveLines(
  ctx: OpContext,
  record: StoredRecord,
  element: Record<string, unknown>,
  lines: Record<string, unknown>[],
): Totals {
  const { store, schema } = ctx;
  for (const old of linesOf(store, record)) store.remove("LineItem", old.id);
  const field = (name: string): DescribeField | undefined => schema.field(record.module, name);
  const money = (name: string, raw: unknown): string => {
    const described = field(name);
    return described ? storedValue(record.module, described, raw) : "";
  };
  const { shAmount, charges } = shippingCharges(element);
  const discount = overallDiscount(element);
  record.fields.hdnS_H_Amount = money("hdnS_H_Amount", phpFloat(shAmount));
  record.fields.hdnDiscountAmount = money("hdnDiscountAmount", discount.amount);
  record.fields.hdnDiscountPercent = money("hdnDiscountPercent", discount.percent);
  record.fields.txtAdjustment = money("txtAdjustment", phpFloat(element.txtAdjustment));
  record.charges = charges;

  const lineFields = schema.columnFields("LineItem");
  const parent = { wsId: wsId(record.module, record.id), taxType: record.fields.hdnTaxType ?? "" };
  lines.forEach((sent, index) => store.insert("LineItem", buildLineFields(store, lineFields, sent, index + 1, parent)));

  const totals = recordTotals(store, record);
  record.fields.hdnSubTotal = decimalText(totals.subTotal, 8);
  record.fields.hdnGrandTotal = decimalText(totals.grandTotal, 8);
  record.fields.pre_tax_total = decimalText(totals.preTaxTotal, 8);
  store.changed(record);
  return totals;
}
