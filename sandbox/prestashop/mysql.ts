/**
 * How MySQL compares a column with the quoted literal the webservice builds (`col > "10"`): numbers
 * numerically, text through the case- and accent-insensitive collation, NULL never matching.
 */
import { decimalText } from "./numbers.ts";
import type { FieldDef } from "./schema.ts";

export type ColumnValue = number | string | null;

/** utf8mb4_general_ci-like folding: accents and case do not matter. */
export function foldText(text: string): string {
  // Plain ASCII (e-mails, codes, numbers) needs no Unicode decomposition: same result, far cheaper.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Equality/order key of the collation, which also ignores trailing spaces (PAD SPACE). */
const collationKey = (text: string) => foldText(text).replace(/ +$/, "");

const NUMERIC_PREFIX = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** MySQL's string-to-number cast: the leading numeric part, else 0 ("12abc" → 12, "abc" → 0). */
export function mysqlNumber(text: string): number {
  const match = NUMERIC_PREFIX.exec(text);
  return match ? Number.parseFloat(match[0]) : 0;
}

function isNumericColumn(field: FieldDef): boolean {
  return field.type === "int" || field.type === "bool" || field.type === "decimal";
}

/** The column as MySQL renders it as text (DECIMAL(20,6) → "61.800000"). */
export function columnText(field: FieldDef, column: ColumnValue): string | null {
  if (column === null) return null;
  if (field.type === "decimal") return decimalText(Number(column), field.scale ?? 6);
  return String(column);
}

/** -1, 0 or 1 as MySQL orders the column value against a literal; null when the column is NULL. */
export function compareColumn(field: FieldDef, column: ColumnValue, literal: string): number | null {
  if (column === null) return null;
  if (isNumericColumn(field)) return Math.sign(Number(column) - mysqlNumber(literal));
  const a = collationKey(String(column));
  const b = collationKey(literal);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ORDER BY of two column values (NULL first, as MySQL sorts ascending). */
export function compareColumns(field: FieldDef, a: ColumnValue, b: ColumnValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (isNumericColumn(field)) return Math.sign(Number(a) - Number(b));
  return compareColumn(field, a, String(b)) ?? 0;
}


/** `col LIKE "pattern"`: % and _ wildcards, backslash escapes, collation-insensitive. */
export function likeMatcher(pattern: string): (text: string | null) => boolean {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "\\" && i + 1 < pattern.length) source += escapeRegExp(foldText(pattern[++i] ?? ""));
    else if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += escapeRegExp(foldText(ch));
  }
  const regex = new RegExp(`^${source}$`, "u");
  return (text) => text !== null && regex.test(foldText(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
