/**
 * How a value sent by a client is stored, i.e. how vtiger's column types render it back:
 * decimals with fixed precision ("2.000", "19.99000000"), booleans as "0"/"1", everything else as text.
 */
import type { DescribeField } from "./fixtures.ts";
import { decimalText, phpFloat, phpString } from "./php.ts";

/** decimal(25,8) money columns of vtiger_inventoryproductrel, although LineItem describes them as double. */
const LINE_ITEM_MONEY = new Set(["listprice", "discount_amount", "purchase_cost", "margin"]);

/** Inventory discount columns are NULL until set, so they read back as "". */
const NULL_UNTIL_SET = new Set(["hdnDiscountPercent", "hdnDiscountAmount"]);

const TRUE_VALUES = new Set(["1", "on", "yes", "true"]);

function decimalsOf(module: string, field: DescribeField): number | undefined {
  if (module === "LineItem" && LINE_ITEM_MONEY.has(field.name)) return 8;
  if (module === "Currency" && field.name === "conversion_rate") return 5;
  switch (field.type.name) {
    case "currency":
      return 8;
    case "double":
      return 3;
    case "integer":
      return 0;
    default:
      return undefined;
  }
}

export function isNumericField(field: DescribeField): boolean {
  return ["currency", "double", "integer", "boolean"].includes(field.type.name);
}

/** What a column holds when the client did not fill it. */
export function emptyValue(module: string, field: DescribeField): string {
  if (field.type.name === "boolean") return "0";
  const decimals = decimalsOf(module, field);
  if (decimals === undefined || NULL_UNTIL_SET.has(field.name) || module === "Currency") return "";
  return decimalText(0, decimals);
}

/**
 * @param moneyDecimals the user's "Number Of Currency Decimals" for currency fields outside inventory
 *   records (CurrencyField::convertToUserFormat rounds them: 19.99 → 20 with 0 decimals)
 */
export function storedValue(module: string, field: DescribeField, raw: unknown, moneyDecimals?: number): string {
  if (raw === null || raw === undefined || raw === "") return emptyValue(module, field);
  if (field.type.name === "boolean") {
    return raw === true || TRUE_VALUES.has(phpString(raw).toLowerCase()) ? "1" : "0";
  }
  const decimals = decimalsOf(module, field);
  if (decimals === undefined) return phpString(raw);
  let number = phpFloat(raw);
  if (field.type.name === "currency" && moneyDecimals !== undefined) number = Number(decimalText(number, moneyDecimals));
  return decimalText(number, decimals);
}
