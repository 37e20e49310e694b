/**
 * `json_encode($value, JSON_UNESCAPED_UNICODE)`: non-ASCII stays as is, but "/" is still escaped.
 */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, "\\/");
}

/** PHP truthiness, as array_filter() applies it. */
export function phpTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
  return !(value === null || value === undefined || value === false || value === 0 || value === "" || value === "0");
}
