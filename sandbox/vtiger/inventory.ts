/**
 * Inventory totals as vtiger 8.2 recomputes them after saving line items
 * (VtigerLineItemOperation::updateParent), in the same float operation order so results match to the bit:
 * 2×10.00 + 1×5.50, S&H 4.50, adjustment -0.25 → 29.75 (reference §11.2, §20).
 */
import type { InventoryCharges } from "./store.ts";
import { phpEmpty, phpFloat } from "./php.ts";

export interface TaxRate {
  name: string;
  percentage: number;
}

export interface TotalsLine {
  listprice: number;
  quantity: number;
  discountAmount: number;
  discountPercent: number;
  /** Individual tax mode: the product's taxes with this line's percentages. */
  taxes: TaxRate[];
}

export interface TotalsInput {
  /** hdnTaxType as stored: "individual" adds line taxes; anything else (also "") taxes the group. */
  taxType: string;
  lines: TotalsLine[];
  /** Group mode: the taxN values of the first line the client sent (none sent → no tax). */
  groupTaxes: TaxRate[];
  discountAmount: number;
  discountPercent: number;
  /** hdnS_H_Amount as stored. */
  shAmount: number;
  charges: InventoryCharges | undefined;
  adjustment: number;
}

export interface LineTotals {
  gross: number;
  discount: number;
  net: number;
  tax: number;
}

export interface Totals {
  lines: LineTotals[];
  subTotal: number;
  discount: number;
  preTaxTotal: number;
  groupTaxes: Array<TaxRate & { amount: number }>;
  shTaxes: Array<TaxRate & { amount: number }>;
  grandTotal: number;
}

export function computeTotals(input: TotalsInput): Totals {
  const individual = input.taxType.toLowerCase() === "individual";
  let subTotal = 0;
  let individualPreTax = 0;
  const lines = input.lines.map((line): LineTotals => {
    const gross = line.listprice * line.quantity;
    let discount = 0;
    if (line.discountAmount) discount = line.discountAmount;
    else if (line.discountPercent) discount = (line.discountPercent / 100) * gross;
    const net = gross - discount;
    subTotal = subTotal + net;
    let tax = 0;
    if (individual) {
      for (const rate of line.taxes) {
        const amount = (net * rate.percentage) / 100;
        subTotal += amount;
        tax += amount;
      }
      individualPreTax += net;
    }
    return { gross, discount, net, tax };
  });

  let discount = 0;
  if (input.discountAmount > 0) discount = input.discountAmount;
  else if (input.discountPercent) discount = (input.discountPercent / 100) * subTotal;

  const total = subTotal - discount + input.shAmount;
  // The pre-tax special case compares case-sensitively in vtiger, unlike the tax branch.
  const preTaxTotal = input.taxType === "individual" ? individualPreTax - discount + input.shAmount : total;
  const taxable = subTotal - discount;
  const groupTaxes = individual
    ? []
    : input.groupTaxes.map((rate) => ({ ...rate, amount: (taxable * rate.percentage) / 100 }));
  const shValue = phpFloat(input.charges?.value);
  const shTaxes = Object.entries(input.charges?.taxes ?? {}).map(([id, percentage]) => {
    const pct = phpFloat(percentage);
    return { name: `shtax${id}`, percentage: pct, amount: (shValue * pct) / 100 };
  });
  let taxAmount = 0;
  for (const tax of [...groupTaxes, ...shTaxes]) taxAmount += tax.amount;
  return { lines, subTotal, discount, preTaxTotal, groupTaxes, shTaxes, grandTotal: total + taxAmount + input.adjustment };
}

/** The overall discount as saveInventoryProductDetails keeps it: amount wins over percent. */
export function overallDiscount(element: Record<string, unknown>): { amount: string; percent: string } {
  if (phpFloat(element.hdnDiscountAmount) && element.hdnDiscountAmount !== "") {
    return { amount: String(element.hdnDiscountAmount), percent: "" };
  }
  if (phpFloat(element.hdnDiscountPercent) && element.hdnDiscountPercent !== "") {
    return { amount: "", percent: String(element.hdnDiscountPercent) };
  }
  return { amount: "", percent: "" };
}

const SH_CHARGE = "shipping_&_handling";
const SH_TAX_IDS = ["1", "2", "3"];

/**
 * VtigerInventoryOperation::sanitizeShippingTaxes: the S&H charge and its taxes. Taxes given as
 * `shipping_&_handling_shtaxN` only count together with a `shipping_&_handling` amount; with the plain
 * hdnS_H_Amount they are read from `shtaxN_sh_percent` (else 0 %).
 */
export function shippingCharges(element: Record<string, unknown>): { shAmount: unknown; charges: InventoryCharges } {
  let chargeTotal = 0;
  const chargeTaxes: Record<string, string | number> = {};
  if (Object.hasOwn(element, SH_CHARGE)) {
    const raw = String(element[SH_CHARGE] ?? "");
    const value = phpFloat(raw.replace("%", ""));
    const afterDiscount = phpFloat(element.hdnSubTotal) - overallDiscountAmount(element);
    chargeTotal = raw.includes("%") ? (afterDiscount * value) / 100 : value;
  }
  for (const id of SH_TAX_IDS) {
    const key = `${SH_CHARGE}_shtax${id}`;
    if (Object.hasOwn(element, key)) chargeTaxes[id] = element[key] as string | number;
  }
  if (chargeTotal) return { shAmount: chargeTotal, charges: { value: chargeTotal, taxes: chargeTaxes } };
  const taxes: Record<string, string | number> = {};
  for (const id of SH_TAX_IDS) taxes[id] = (element[`shtax${id}_sh_percent`] as string | number | undefined) ?? 0;
  const shAmount = element.hdnS_H_Amount;
  return { shAmount, charges: { value: (shAmount as string | number | undefined) ?? null, taxes } };
}

/** The client-side overall discount used for percentage S&H charges (computed on the client's subtotal). */
function overallDiscountAmount(element: Record<string, unknown>): number {
  if (!phpEmpty(element.hdnDiscountPercent)) {
    return (phpFloat(element.hdnSubTotal) * phpFloat(element.hdnDiscountPercent)) / 100;
  }
  return phpFloat(element.hdnDiscountAmount);
}
