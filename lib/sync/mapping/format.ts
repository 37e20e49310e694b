/**
 * How shop values are written into CRM fields: vtiger expects dot-decimal numbers and yyyy-mm-dd
 * dates (reference §10.1), and rounds like PHP (half away from zero).
 */

/** PHP's round(): half away from zero, decimal-exact for values such as 1.005. */
export function roundHalfUp(value: number, decimals: number): number {
  const text = String(Math.abs(value));
  // Shifting through the decimal text avoids 1.005 * 100 = 100.49999…; exponent forms are tiny or huge, where that trick fails and nothing is lost.
  const shifted = text.includes("e") ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  return value < 0 ? -rounded : rounded;
}

/** An amount with exactly two decimals, e.g. "23.80". */
export function money(value: number): string {
  return roundHalfUp(value, 2).toFixed(2);
}

/** A number with at most `maxDecimals` decimals and no trailing zeros, e.g. "16.666667", "2". */
export function decimal(value: number, maxDecimals: number): string {
  const fixed = roundHalfUp(value, maxDecimals).toFixed(maxDecimals);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** The date part of a shop time stamp ("2025-03-01 14:02:00" → "2025-03-01"); "" for none. */
export function dateOf(shopDateTime: string | null): string {
  return shopDateTime?.slice(0, 10) ?? "";
}
