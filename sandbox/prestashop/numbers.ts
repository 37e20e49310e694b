/**
 * Money arithmetic as PHP and MySQL do it: round() half away from zero, DECIMAL(n, scale) columns
 * rendered with all their digits ("61.800000").
 */
export function phpRound(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // PHP pre-rounds to 15 significant digits, so 1.005 rounds to 1.01: nudge by one epsilon likewise.
  const rounded = Math.round(Math.abs(value) * factor * (1 + Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

export function decimalText(value: number, scale: number): string {
  return phpRound(value, scale).toFixed(scale);
}
