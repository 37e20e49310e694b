/**
 * Line items of inventory records (vtiger_inventoryproductrel, webservice entity LineItem 33x…):
 * how the lines a client sends are stored, and how they come back inside their parent.
 */
import { splitWsId, wsId } from "./entities.ts";
import type { DescribeField } from "./fixtures.ts";
import { htmlEntities, htmlEntityDecode } from "./html-entities.ts";
import { computeTotals, type TaxRate, type Totals, type TotalsLine } from "./inventory.ts";
import { phpFloat } from "./php.ts";
import type { Store, StoredRecord } from "./store.ts";
import { storedValue } from "./values.ts";

export const TAX_NAMES = ["tax1", "tax2", "tax3"] as const;

const ZERO_TAX = "0.000";

/** A line's product (Products or Services), looked up like vtiger's LEFT JOIN on crmentity. */
export function lineProduct(store: Store, line: StoredRecord): StoredRecord | undefined {
  return store.entity(Number(splitWsId(line.fields.productid ?? "").id));
}

/** LineItems must be a non-empty JSON array (or object) of objects. */
export function sentLines(value: unknown): Record<string, unknown>[] {
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).filter((v): v is Record<string, unknown> => v !== null && typeof v === "object");
}

const isSet = (line: Record<string, unknown>, key: string): boolean => line[key] !== undefined && line[key] !== null;

/**
 * The taxN columns of a new line (VtigerLineItemOperation::initTax + appendTaxInfo):
 * group mode keeps the percentages sent on the line; individual mode uses the product's own taxes,
 * overridden by the line only for taxes the product has.
 */
function lineTaxes(sent: Record<string, unknown>, taxType: string, product: StoredRecord | undefined) {
  const format = (value: unknown): string => phpFloat(value).toFixed(3);
  const taxes: Record<string, string> = {};
  const productTaxes = product?.productTaxes ?? {};
  const individual = taxType.toLowerCase() === "individual";
  const lineOverrides = TAX_NAMES.some((name) => isSet(sent, name));
  for (const name of TAX_NAMES) {
    if (!individual) taxes[name] = isSet(sent, name) ? format(sent[name]) : ZERO_TAX;
    else if (!Object.hasOwn(productTaxes, name)) taxes[name] = ZERO_TAX;
    else if (lineOverrides) taxes[name] = isSet(sent, name) ? format(sent[name]) : ZERO_TAX;
    else taxes[name] = productTaxes[name] ?? ZERO_TAX;
  }
  return taxes;
}

/**
 * Column values of a line as stored. `listprice` left out falls back to the product's unit price
 * (a Service's price is not found by that lookup: 0).
 */
export function buildLineFields(
  store: Store,
  lineFields: DescribeField[],
  sent: Record<string, unknown>,
  sequence: number,
  parent: { wsId: string; taxType: string },
): Record<string, string> {
  const product = store.entity(Number(splitWsId(String(sent.productid ?? "")).id));
  const listprice = isSet(sent, "listprice")
    ? sent.listprice
    : product?.module === "Products"
      ? product.fields.unit_price
      : 0;
  const value = (name: string, raw: unknown): string => {
    const field = lineFields.find((f) => f.name === name);
    return field ? storedValue("LineItem", field, raw) : String(raw ?? "");
  };
  return {
    parent_id: parent.wsId,
    productid: String(sent.productid ?? ""),
    sequence_no: String(sequence),
    quantity: value("quantity", sent.quantity),
    listprice: value("listprice", listprice),
    discount_percent: value("discount_percent", sent.discount_percent),
    discount_amount: value("discount_amount", sent.discount_amount),
    comment: String(sent.comment ?? ""),
    description: "",
    incrementondel: "0",
    ...lineTaxes(sent, parent.taxType, product),
    image: String(sent.image ?? ""),
    purchase_cost: value("purchase_cost", sent.purchase_cost),
    margin: value("margin", sent.margin),
  };
}

/** A stored line as input of the totals computation. */
function totalsLine(store: Store, line: StoredRecord): TotalsLine {
  const productTaxes = lineProduct(store, line)?.productTaxes ?? {};
  const taxes: TaxRate[] = TAX_NAMES.filter((name) => Object.hasOwn(productTaxes, name)).map((name) => ({
    name,
    percentage: phpFloat(line.fields[name]),
  }));
  return {
    listprice: phpFloat(line.fields.listprice),
    quantity: phpFloat(line.fields.quantity),
    discountAmount: phpFloat(line.fields.discount_amount),
    discountPercent: phpFloat(line.fields.discount_percent),
    taxes,
  };
}

/**
 * Totals of a stored inventory record. Group mode taxes come from the first line's taxN columns, which hold
 * exactly what the client sent on that line (unsent → 0 %).
 */
export function recordTotals(store: Store, record: StoredRecord): Totals {
  const lines = linesOf(store, record);
  const fields = record.fields;
  return computeTotals({
    taxType: fields.hdnTaxType ?? "",
    lines: lines.map((line) => totalsLine(store, line)),
    groupTaxes: TAX_NAMES.map((name) => ({ name, percentage: phpFloat(lines[0]?.fields[name]) })),
    discountAmount: phpFloat(fields.hdnDiscountAmount),
    discountPercent: phpFloat(fields.hdnDiscountPercent),
    shAmount: phpFloat(fields.hdnS_H_Amount),
    charges: record.charges,
    adjustment: phpFloat(fields.txtAdjustment),
  });
}

/**
 * A line inside its parent's `LineItems`. 8.2 renders parent_id as "<prefix>xArray" there (it passes an
 * array to vtws_getId); `SELECT * FROM LineItem` shows the real id.
 */
export function lineItemInParent(store: Store, line: StoredRecord, resolve: (value: string) => string) {
  const product = lineProduct(store, line);
  const { parent_id: parentId = "", productid = "", ...columns } = line.fields;
  return {
    parent_id: `${splitWsId(parentId).prefix}xArray`,
    productid: resolve(productid),
    ...Object.fromEntries(Object.entries(columns).map(([name, value]) => [name, htmlEntityDecode(value)])),
    id: wsId("LineItem", line.id),
    product_name: product?.label === undefined ? "" : htmlEntities(product.label),
    entity_type: product?.module ?? "",
    deleted: product ? (product.deleted ? "1" : "0") : "",
  };
}

/** Lines filed by parent: `parent_id` is always a webservice id ("6x12"), never "". */
const parentOf = (line: StoredRecord): string => line.fields.parent_id ?? "";

export function linesOf(store: Store, parent: StoredRecord): StoredRecord[] {
  return [...store.lookup("LineItem", "parent", parentOf, wsId(parent.module, parent.id))].sort(
    (a, b) => Number(a.fields.sequence_no) - Number(b.fields.sequence_no),
  );
}
