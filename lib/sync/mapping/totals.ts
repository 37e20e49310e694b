/**
 * The CRM's grand total of a SalesOrder or Invoice must equal what the customer paid
 * (`total_paid_tax_incl`, DESIGN §2), but vtiger ignores the totals a client sends and recomputes
 * them from the lines (reference §11.2, §20). So the connector predicts vtiger's computation and
 * sends the rest as the adjustment:
 *
 * - "group" tax mode, because "individual" mode would take each product's own tax setup in the CRM,
 *   which the shop does not control; in group mode vtiger applies the first line's taxN percentages
 *   to the subtotal. The connector sends the order's product tax rate as tax1 on every line.
 * - Lines at the unit price tax excluded, as the shop stores it (6 decimals).
 * - S&H = shipping tax included: vtiger leaves S&H untaxed unless shipping taxes are sent, whose
 *   fields differ between vtiger versions, so the shipping tax travels inside the amount.
 * - The adjustment is the remainder: discounts, gift wrapping, and the difference between the
 *   shop's per-line rounding (or mixed tax rates) and vtiger's single rate, rounded to the cent.
 */
import type { Order } from "@/lib/prestashop/schemas";
import { roundHalfUp } from "./format";

/** vtiger keeps tax percentages with 3 decimals. */
const TAX_DECIMALS = 3;
/** vtiger stores totals with 8 decimals and shows them with the currency's 2. */
const STORED_DECIMALS = 8;

export interface PricedLine {
  quantity: number;
  listprice: number;
}

/**
 * The order's product tax rate in percent: what its lines cost tax included over tax excluded.
 * One rate is exact for the usual single-rate order; with mixed rates it is their weighted mean.
 * Order rows of early 1.6 versions lack unit prices with tax, so the order's product totals
 * (rounded to the cent, hence a little less exact) stand in for them.
 */
export function productTaxPercent(order: Order): number {
  const rows = order.associations.order_rows;
  let withTax = order.total_products_wt;
  let withoutTax = order.total_products;
  if (rows.every((row) => row.unit_price_tax_incl !== null && row.unit_price_tax_excl !== null)) {
    withTax = rows.reduce((sum, row) => sum + row.product_quantity * (row.unit_price_tax_incl ?? 0), 0);
    withoutTax = rows.reduce((sum, row) => sum + row.product_quantity * (row.unit_price_tax_excl ?? 0), 0);
  }
  return withoutTax > 0 ? roundHalfUp((withTax / withoutTax - 1) * 100, TAX_DECIMALS) : 0;
}

/**
 * vtiger's grand total before the adjustment in group tax mode, in the float operations of
 * VtigerLineItemOperation::updateParent (no discounts, untaxed S&H): subtotal + S&H + subtotal × rate.
 */
export function vtigerTotalBeforeAdjustment(lines: readonly PricedLine[], taxPercent: number, shAmount: number): number {
  let subTotal = 0;
  for (const line of lines) subTotal = subTotal + line.listprice * line.quantity;
  return subTotal + shAmount + (subTotal * taxPercent) / 100;
}

/**
 * The adjustment that makes the grand total, as vtiger shows it (to the cent), equal to the total
 * paid. It is the total paid minus vtiger's total before adjustment rounded to the cent — not the
 * rounded difference, which lands on the wrong cent when the total ends in a half cent.
 */
export function adjustmentToMatch(totalPaid: number, totalBeforeAdjustment: number): number {
  const shown = roundHalfUp(roundHalfUp(totalBeforeAdjustment, STORED_DECIMALS), 2);
  return roundHalfUp(totalPaid - shown, 2);
}
