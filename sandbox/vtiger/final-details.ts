/**
 * `LineItems_FinalDetails`: the UI's totals block that 8.2 appends to inventory records
 * (Inventory_Record_Model::getProducts). Informational only — amounts are formatted with the user's
 * currency decimals, as in so_retrieved.json ("listPrice1": "20" for 19.99 with 0 decimals).
 */
import type { Totals } from "./inventory.ts";
import { TAX_NAMES } from "./line-items.ts";
import { decimalText, phpFloat } from "./php.ts";
import type { StoredRecord } from "./store.ts";

export interface FinalDetailsInput {
  record: StoredRecord;
  lines: Array<{ line: StoredRecord; product: StoredRecord | undefined }>;
  totals: Totals;
  taxes: StoredRecord[];
  decimals: number;
}

const TAX_SHAPE = { type: "Fixed", method: "Simple", regions: [], compoundon: [] };

export function finalDetails({ record, lines, totals, taxes, decimals }: FinalDetailsInput) {
  const money = (value: number): string => decimalText(value, decimals);
  const details: Record<string, Record<string, unknown>> = {};
  lines.forEach(({ line, product }, index) => {
    const i = index + 1;
    const lineTotals = totals.lines[index];
    details[String(i)] = {
      [`purchaseCost${i}`]: money(phpFloat(line.fields.purchase_cost)),
      [`margin${i}`]: money(phpFloat(line.fields.margin)),
      [`productDeleted${i}`]: product?.deleted ?? true,
      [`entityType${i}`]: product?.module ?? "",
      [`hdnProductId${i}`]: product ? String(product.id) : "",
      [`productName${i}`]: product?.label ?? "",
      [`hdnProductcode${i}`]: product?.fields.product_no ?? product?.fields.service_no ?? "",
      [`comment${i}`]: line.fields.comment ?? "",
      [`qtyInStock${i}`]: product?.fields.qtyinstock ?? "0",
      [`qty${i}`]: String(phpFloat(line.fields.quantity)),
      [`listPrice${i}`]: money(phpFloat(line.fields.listprice)),
      [`productTotal${i}`]: money(lineTotals?.gross ?? 0),
      [`discount_percent${i}`]: phpFloat(line.fields.discount_percent),
      [`discount_amount${i}`]: phpFloat(line.fields.discount_amount),
      [`discountTotal${i}`]: money(lineTotals?.discount ?? 0),
      [`totalAfterDiscount${i}`]: money(lineTotals?.net ?? 0),
      [`taxTotal${i}`]: money(lineTotals?.tax ?? 0),
      [`netPrice${i}`]: money((lineTotals?.net ?? 0) + (lineTotals?.tax ?? 0)),
    };
  });
  const first = details["1"];
  if (first) first.final_details = summary(record, totals, taxes, money);
  return details;
}

function summary(record: StoredRecord, totals: Totals, taxes: StoredRecord[], money: (n: number) => string) {
  const fields = record.fields;
  const groupTax = (name: string) => totals.groupTaxes.find((t) => t.name === name);
  const shTax = (name: string) => totals.shTaxes.find((t) => t.name === name);
  const taxRow = (tax: StoredRecord, name: string, rate: { percentage: number; amount: number } | undefined) => ({
    taxname: name,
    taxlabel: tax.fields.taxlabel,
    percentage: rate?.percentage ?? 0,
    amount: money(rate?.amount ?? 0),
    taxid: String(tax.id),
    ...TAX_SHAPE,
  });
  const itemTaxes = taxes.filter((tax) => (TAX_NAMES as readonly string[]).includes(tax.fields.taxname ?? ""));
  const sum = (rates: Array<{ amount: number }>) => rates.reduce((total, rate) => total + rate.amount, 0);
  return {
    taxtype: fields.hdnTaxType ?? "",
    discount_type_final: fields.hdnDiscountAmount ? "amount" : fields.hdnDiscountPercent ? "percentage" : "zero",
    hdnSubTotal: money(totals.subTotal),
    discount_percentage_final: phpFloat(fields.hdnDiscountPercent),
    discount_amount_final: money(phpFloat(fields.hdnDiscountAmount)),
    discountTotal_final: money(totals.discount),
    taxes: Object.fromEntries(
      itemTaxes.map((tax) => [String(tax.id), taxRow(tax, tax.fields.taxname ?? "", groupTax(tax.fields.taxname ?? ""))]),
    ),
    tax_totalamount: money(sum(totals.groupTaxes)),
    shipping_handling_charge: money(phpFloat(fields.hdnS_H_Amount)),
    sh_taxes: itemTaxes.map((tax) => taxRow(tax, `shtax${tax.id}`, shTax(`shtax${tax.id}`))),
    shtax_totalamount: money(sum(totals.shTaxes)),
    adjustment: money(phpFloat(fields.txtAdjustment)),
    grandTotal: money(totals.grandTotal),
    preTaxTotal: money(totals.preTaxTotal),
    totalAfterDiscount: money(totals.subTotal - totals.discount),
  };
}
