/**
 * The totals approach (totals.ts) against vtiger's own formula: the sandbox's computeTotals, which
 * reproduces VtigerLineItemOperation::updateParent float for float, fed with the element exactly
 * as the connector sends it.
 */
import { describe, expect, it } from "vitest";
import { computeTotals } from "@/sandbox/vtiger/inventory";
import { roundHalfUp } from "./format";
import { orderLines, type OrderLines } from "./order-lines";
import { order, row } from "./test-fixtures";
import { adjustmentToMatch, productTaxPercent, vtigerTotalBeforeAdjustment } from "./totals";

/** What vtiger shows as grand total for these lines: stored with 8 decimals, shown with 2. */
function vtigerGrandTotal(lines: OrderLines): number {
  const totals = computeTotals({
    taxType: lines.hdnTaxType,
    lines: lines.LineItems.map((line) => ({ listprice: Number(line.listprice), quantity: Number(line.quantity), discountAmount: 0, discountPercent: 0, taxes: [] })),
    groupTaxes: [
      { name: "tax1", percentage: Number(lines.LineItems[0]?.tax1) },
      { name: "tax2", percentage: 0 },
      { name: "tax3", percentage: 0 },
    ],
    discountAmount: 0,
    discountPercent: 0,
    shAmount: Number(lines.hdnS_H_Amount),
    charges: { value: lines.hdnS_H_Amount, taxes: { 1: 0, 2: 0, 3: 0 } },
    adjustment: Number(lines.txtAdjustment),
  });
  return roundHalfUp(roundHalfUp(totals.grandTotal, 8), 2);
}

/** A deterministic stream of numbers in [0, 1). */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("the adjustment makes vtiger's grand total the total paid", () => {
  it("reproduces vtiger's results measured on a live 8.2 (reference §11.2)", () => {
    expect(vtigerTotalBeforeAdjustment([{ listprice: 10, quantity: 1 }], 19, 0)).toBeCloseTo(11.9, 10);
    expect(vtigerTotalBeforeAdjustment([{ listprice: 10, quantity: 1 }], 19, 5)).toBeCloseTo(16.9, 10);
    expect(vtigerTotalBeforeAdjustment([{ listprice: 10, quantity: 2 }], 19, 0) - 0.01).toBeCloseTo(23.79, 10);
  });

  it("takes the order's tax rate from its lines, and from its totals when the lines lack prices with tax", () => {
    expect(productTaxPercent(order({ associations: { order_rows: [row(1, 3, 16.666667), row(2, 1, 7.425)] } }))).toBe(20);
    expect(productTaxPercent(order({ associations: { order_rows: [row(1, 1, 10, 0.2), row(2, 1, 10, 0.055)] } }))).toBe(12.75);
    const withoutTaxPrices = { ...row(1, 1, 10), unit_price_tax_incl: null };
    expect(productTaxPercent(order({ total_products: "10.00", total_products_wt: "12.00", associations: { order_rows: [withoutTaxPrices] } }))).toBe(20);
  });

  it("lands on the total paid when vtiger's total ends in half a cent", () => {
    // 10.125 shows as 10.13. The rounded difference would be +0.02 (showing 10.15 for 10.14) and
    // 0.00 (showing 10.13 for 10.12).
    for (const paid of [10.14, 10.12]) {
      const adjustment = adjustmentToMatch(paid, 10.125);
      expect(roundHalfUp(10.125 + adjustment, 2)).toBe(paid);
    }
    expect(adjustmentToMatch(10.14, 10.125)).toBe(0.01);
  });

  it("sends shipping with tax as S&H and the order's lines tax excluded, with the product tax rate", () => {
    const lines = orderLines(order(), new Map([[1, "14x9"]]));
    expect(lines).toEqual({
      productid: "14x9",
      hdnTaxType: "group",
      hdnS_H_Amount: "8.40",
      txtAdjustment: "0.00",
      LineItems: [{ productid: "14x9", quantity: "2", listprice: "16.666667", comment: "Product 1", tax1: "20" }],
    });
    expect(vtigerGrandTotal(lines)).toBe(48.4);
  });

  it("puts discounts, wrapping and rounding into the adjustment", () => {
    // 40.00 of products + 8.40 shipping − 5.00 voucher + 2.00 wrapping.
    const lines = orderLines(order({ total_paid_tax_incl: "45.40" }), new Map([[1, "14x9"]]));
    expect(lines.txtAdjustment).toBe("-3.00");
    expect(vtigerGrandTotal(lines)).toBe(45.4);
  });

  it("matches the total paid for 500 random orders with mixed tax rates", () => {
    const random = seeded(11);
    const rates = [0.2, 0.2, 0.2, 0.1, 0.055, 0.021, 0];
    for (let n = 0; n < 500; n++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => {
        const excl = Math.round((0.5 + random() * 300) * 1e6) / 1e6;
        return row(i + 1, 1 + Math.floor(random() * 4), excl, rates[Math.floor(random() * rates.length)]);
      });
      const products = rows.reduce((sum, r) => sum + roundHalfUp(r.unit_price_tax_incl * r.product_quantity, 2), 0);
      const shipping = random() < 0.3 ? 0 : roundHalfUp(random() * 20, 2);
      const discount = random() < 0.8 ? 0 : roundHalfUp(random() * 10, 2);
      const paid = roundHalfUp(products + shipping - discount, 2);
      const lines = orderLines(
        order({ total_paid_tax_incl: paid, total_shipping_tax_incl: shipping, associations: { order_rows: rows } }),
        new Map(rows.map((r) => [r.product_id, `14x${r.product_id}`])),
      );
      expect(vtigerGrandTotal(lines), `order ${n}`).toBe(paid);
    }
  });
});
