import type { Order, OrderRow } from "@/lib/prestashop/schemas";
import { PermanentSyncError } from "../errors";
import { decimal, money } from "./format";
import { adjustmentToMatch, productTaxPercent, vtigerTotalBeforeAdjustment } from "./totals";

export interface LineItem {
  productid: string;
  quantity: string;
  listprice: string;
  comment: string;
  tax1: string;
}

/** What a SalesOrder or Invoice needs for its lines and totals; sent whole on every resend (R9). */
export interface OrderLines {
  /** vtiger's mandatory top-level product field (6.0+): the first line's. */
  productid: string;
  hdnTaxType: "group";
  hdnS_H_Amount: string;
  txtAdjustment: string;
  LineItems: LineItem[];
}

/** The unit price tax excluded after the shop's reductions; early 1.6 rows only have the price before them. */
function unitPriceOf(row: OrderRow): number {
  return row.unit_price_tax_excl ?? row.product_price;
}

/**
 * The order's lines as vtiger LineItems with S&H and adjustment (approach: totals.ts).
 * `productIds` maps every ordered shop product to its CRM Product.
 */
export function orderLines(order: Order, productIds: ReadonlyMap<number, string>): OrderLines {
  const rows = order.associations.order_rows;
  const tax1 = decimal(productTaxPercent(order), 3);
  const LineItems = rows.map((row): LineItem => {
    const productid = productIds.get(row.product_id);
    if (!productid) throw new Error(`No CRM Product for product ${row.product_id} of order ${order.id}`);
    return { productid, quantity: decimal(row.product_quantity, 3), listprice: decimal(unitPriceOf(row), 6), comment: row.product_name, tax1 };
  });
  const first = LineItems[0];
  if (!first) {
    throw new PermanentSyncError(`Order ${order.id} has no lines; vtiger refuses a SalesOrder without products`, "Add a product to the order in the shop, then replay the event.");
  }
  const shipping = money(order.total_shipping_tax_incl);
  // The prediction uses the values exactly as sent, which vtiger stores without loss (8 decimals).
  const priced = LineItems.map((line) => ({ quantity: Number(line.quantity), listprice: Number(line.listprice) }));
  const beforeAdjustment = vtigerTotalBeforeAdjustment(priced, Number(tax1), Number(shipping));
  return {
    productid: first.productid,
    hdnTaxType: "group",
    hdnS_H_Amount: shipping,
    txtAdjustment: money(adjustmentToMatch(order.total_paid_tax_incl, beforeAdjustment)),
    LineItems,
  };
}
