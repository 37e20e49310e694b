/**
 * Query strings for webservice GET requests (reference §5): display, filter, sort, limit, language.
 * `date=1` is added by itself whenever a date field is filtered or sorted, because without it
 * PrestaShop hides date_add/date_upd from both (errors #32 and #38). Values are percent-encoded
 * ("%" of LIKE filters, spaces in dates); brackets in parameter names stay readable, PHP parses
 * them either way.
 */
import { PrestashopUsageError } from "./errors";
import { eq, type FilterValue } from "./filter";

/** "full", or the fields to return (association sub-fields as `associations[order_rows[id,product_id]]`). */
export type Display = "full" | readonly string[];

export interface ListQuery {
  /** Default "full": PrestaShop's own default for lists is ids only. */
  display?: Display;
  /** AND-ed conditions; build values with the helpers of filter.ts, numbers mean equality. */
  filter?: Readonly<Record<string, FilterValue | number>>;
  /** "[id_ASC]", "id_ASC" or ["date_upd_ASC", "id_ASC"]. */
  sort?: string | readonly string[];
  /** A count, or offset and count. */
  limit?: number | { offset: number; count: number };
  /** Restrict multilingual fields to one language; they then come as plain strings. */
  language?: number;
}

const FIELD = /^[a-z_][a-z0-9_]*$/i;
const DISPLAY_ITEM = /^[a-z_][a-z0-9_]*(?:\[[a-z0-9_,[\]]+\])?$/i;
const SORT_KEY = /^([a-z_][a-z0-9_]*)_(ASC|DESC)$/;
const DATE_FIELDS = new Set(["date_add", "date_upd"]);

/** The query string (without output_format, which the transport adds), or "" for none. */
export function listQueryString(query: ListQuery): string {
  const parts: string[] = [];
  let usesDate = false;
  const display = query.display ?? "full";
  if (display === "full") {
    parts.push("display=full");
  } else {
    if (display.length === 0) throw new PrestashopUsageError("display needs at least one field");
    for (const item of display) {
      if (!DISPLAY_ITEM.test(item)) throw new PrestashopUsageError(`"${item.slice(0, 60)}" is not a field name for display`);
    }
    parts.push(`display=${encodeURIComponent(`[${display.join(",")}]`)}`);
  }
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    assertField(field);
    usesDate ||= DATE_FIELDS.has(field);
    parts.push(`filter[${field}]=${encodeURIComponent(typeof value === "number" ? eq(value) : value)}`);
  }
  if (query.sort !== undefined) {
    const keys = sortKeys(query.sort);
    usesDate ||= keys.some((key) => DATE_FIELDS.has(key.replace(SORT_KEY, "$1")));
    parts.push(`sort=${encodeURIComponent(`[${keys.join(",")}]`)}`);
  }
  if (query.limit !== undefined) parts.push(`limit=${limitValue(query.limit)}`);
  if (query.language !== undefined) {
    assertCount(query.language, "language", 1);
    parts.push(`language=${query.language}`);
  }
  if (usesDate) parts.push("date=1");
  return parts.join("&");
}

/** The keys of a sort given as "[a_ASC,b_DESC]", "a_ASC" or a list; throws on anything else. */
export function sortKeys(sort: string | readonly string[]): string[] {
  const keys = typeof sort === "string" ? sort.replace(/^\[|\]$/g, "").split(",") : [...sort];
  const trimmed = keys.map((key) => key.trim());
  if (trimmed.length === 0 || trimmed.some((key) => !SORT_KEY.test(key))) {
    throw new PrestashopUsageError(`Invalid sort "${String(sort).slice(0, 60)}" (expected e.g. [id_ASC] or [date_upd_ASC,id_ASC])`);
  }
  return trimmed;
}

function limitValue(limit: number | { offset: number; count: number }): string {
  if (typeof limit === "number") {
    assertCount(limit, "limit", 1);
    return String(limit);
  }
  assertCount(limit.offset, "limit offset", 0);
  assertCount(limit.count, "limit count", 1);
  return `${limit.offset},${limit.count}`;
}

export function assertField(field: string): void {
  if (!FIELD.test(field)) throw new PrestashopUsageError(`"${field.slice(0, 60)}" is not a field name`);
}

function assertCount(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new PrestashopUsageError(`${what} must be an integer ≥ ${min}, not ${value}`);
}
