/**
 * How stored records come back over the webservice (retrieve, query, write results): describe order,
 * html_entity_decode'd text, references as webservice ids ("" when dangling), plus the extras the
 * product and inventory handlers append.
 */
import { isCrmEntity, moduleKind, splitWsId, wsId } from "./entities.ts";
import { finalDetails } from "./final-details.ts";
import type { DescribeField } from "./fixtures.ts";
import { htmlEntities, htmlEntityDecode } from "./html-entities.ts";
import type { Totals } from "./inventory.ts";
import { lineItemInParent, lineProduct, linesOf, recordTotals } from "./line-items.ts";
import { decimalText, phpFloat } from "./php.ts";
import type { Schema } from "./schema.ts";
import type { Store, StoredRecord } from "./store.ts";
import { currencyDecimals, type WsUser } from "./users.ts";
import { emptyValue } from "./values.ts";

/** Inventory columns that really live on the lines; retrieve leaves them out, query reads them from a line. */
export const LINE_COLUMNS = new Set([
  "productid", "quantity", "listprice", "comment", "discount_amount", "discount_percent", "tax1", "tax2", "tax3",
]);

const TOTAL_FIELDS = ["hdnSubTotal", "hdnGrandTotal", "pre_tax_total"] as const;

/** What a write answer adds to an inventory record whose lines were (re)saved. */
export interface SavedLinesView {
  totals: Totals;
  /** The create/update answer echoes the invoicestatus sent, though retrieve shows "" for SalesOrder. */
  sentInvoiceStatus: unknown;
  created: boolean;
}

export class RecordView {
  constructor(
    private readonly store: Store,
    private readonly schema: Schema,
  ) {}

  /** DataTransform::sanitizeReferences: the first module of refersTo holding that (live) id wins. */
  reference(value: string, refersTo: readonly string[]): string {
    const id = Number(splitWsId(value).id);
    if (!Number.isInteger(id) || id <= 0) return "";
    for (const module of refersTo) {
      const target = isCrmEntity(module) ? this.store.entity(id) : this.store.find(module, id);
      if (target && !target.deleted && target.module === module) return wsId(module, id);
    }
    return "";
  }

  /** Column values as retrieve and query render them. */
  columns(record: StoredRecord, fields: DescribeField[]): Record<string, string> {
    const readsLines = moduleKind(record.module) === "inventory" && fields.some((f) => LINE_COLUMNS.has(f.name));
    const firstLine = readsLines ? linesOf(this.store, record)[0] : undefined;
    const salesOrder = record.module === "SalesOrder";
    const row: Record<string, string> = {};
    for (const field of fields) {
      if (field.type.name === "password") continue;
      if (field.name === "id") {
        row.id = wsId(record.module, record.id);
        continue;
      }
      const source = firstLine && LINE_COLUMNS.has(field.name) ? firstLine.fields : record.fields;
      const raw = source[field.name] ?? emptyValue(record.module, field);
      if (field.type.name === "reference") row[field.name] = this.reference(raw, field.type.refersTo ?? []);
      else if (field.type.name === "owner") row[field.name] = raw;
      // SalesOrder.invoicestatus lives in the recurring-invoice table and reads back empty (reference §11.1).
      else if (salesOrder && field.name === "invoicestatus") row[field.name] = "";
      else row[field.name] = htmlEntityDecode(raw);
    }
    return row;
  }

  /** The full record as retrieve returns it. */
  retrieve(record: StoredRecord, user: WsUser): Record<string, unknown> {
    switch (moduleKind(record.module)) {
      case "inventory":
        return this.inventory(record, user);
      case "product":
        return { ...this.withLabel(record), ...this.productExtras(record) };
      default:
        return this.withLabel(record);
    }
  }

  /** Answer of a write that saved line items: totals as freshly computed JSON numbers (reference §2). */
  savedInventory(record: StoredRecord, user: WsUser, saved: SavedLinesView): Record<string, unknown> {
    const view = this.inventory(record, user);
    for (const name of TOTAL_FIELDS) view[name] = numericTotal(saved.totals, name);
    if (record.module === "SalesOrder") view.invoicestatus = saved.sentInvoiceStatus ?? "";
    // The handler reads the parent from a cache filled before the lines existed.
    view.productid = null;
    if (!saved.created) return view;
    const { id, ...rest } = view;
    return { id, ...rest, new: true };
  }

  private withLabel(record: StoredRecord): Record<string, unknown> {
    const row: Record<string, unknown> = this.columns(record, this.schema.columnFields(record.module));
    if (record.label) row.label = htmlEntities(record.label);
    return row;
  }

  /** VtigerProductOperation::retrieveTaxesAndCurrency: enabled taxes and a price per active currency. */
  private productExtras(record: StoredRecord): Record<string, string> {
    const extras: Record<string, string> = { ...record.productTaxes };
    const own = this.store.find("Currency", Number(splitWsId(record.fields.currency_id ?? "").id));
    const basePrice = phpFloat(record.fields.unit_price) / (phpFloat(own?.fields.conversion_rate) || 1);
    for (const currency of this.activeCurrencies()) {
      const rate = phpFloat(currency.fields.conversion_rate);
      const price = currency === own ? phpFloat(record.fields.unit_price) : basePrice * rate;
      extras[`currency${currency.id}`] = decimalText(price, 8);
    }
    extras.currency_id = record.fields.currency_id ?? "";
    return extras;
  }

  activeCurrencies(): StoredRecord[] {
    return this.store.all("Currency").filter((c) => c.fields.currency_status === "Active" && c.fields.deleted !== "1");
  }

  private inventory(record: StoredRecord, user: WsUser): Record<string, unknown> {
    const view = this.withLabel(record);
    for (const name of LINE_COLUMNS) delete view[name];
    // Fields after `id` in an inventory describe are the shipping charge and its taxes.
    const fields = this.schema.fields(record.module);
    const charges = record.charges;
    for (const field of fields.slice(fields.findIndex((f) => f.name === "id") + 1)) {
      const taxId = /_shtax(\d+)$/.exec(field.name)?.[1];
      view[field.name] = taxId ? (charges?.taxes[taxId] ?? 0) : (charges?.value ?? null);
    }
    const lines = linesOf(this.store, record);
    const resolveProduct = (value: string) => this.reference(value, ["Products", "Services"]);
    view.LineItems = lines.map((line) => lineItemInParent(this.store, line, resolveProduct));
    view.productid = lines[0] ? resolveProduct(lines[0].fields.productid ?? "") : null;
    view.LineItems_FinalDetails = finalDetails({
      record,
      lines: lines.map((line) => ({ line, product: lineProduct(this.store, line) })),
      totals: recordTotals(this.store, record),
      taxes: this.store.all("Tax"),
      decimals: currencyDecimals(user),
    });
    return view;
  }
}

function numericTotal(totals: Totals, name: (typeof TOTAL_FIELDS)[number]): number {
  if (name === "hdnSubTotal") return totals.subTotal;
  if (name === "hdnGrandTotal") return totals.grandTotal;
  return totals.preTaxTotal;
}
