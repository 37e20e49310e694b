/**
 * The value grammar of `filter[field]=…` (SQLUtils::getSQLRetrieveFilter, reference §5.2), turned
 * into a test on one column value instead of a WHERE fragment. Quirks kept: `%abc%` without
 * brackets is an equality test, a `|` list must not start with `|`, unknown prefixes such as `>=`
 * add no condition at all.
 */
import { columnText, compareColumn, likeMatcher, type ColumnValue } from "./mysql.ts";
import type { FieldDef } from "./schema.ts";

export type ColumnTest = (column: ColumnValue) => boolean;

const PHP_NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** PHP 8 sort() of two strings: numerically when both are numeric, else byte order. */
function phpSortPair(a: string, b: string): [string, string] {
  const numeric = PHP_NUMERIC.test(a) && PHP_NUMERIC.test(b);
  const aFirst = numeric ? Number(a) <= Number(b) : a <= b;
  return aFirst ? [a, b] : [b, a];
}

export function columnTest(field: FieldDef, filterValue: string): ColumnTest {
  const equals = (literal: string): ColumnTest => (column) => compareColumn(field, column, literal) === 0;
  const match = /^(.*)\[(.*)\](.*)$/.exec(filterValue);
  if (!match) return equals(filterValue);
  const [, before = "", inside = "", after = ""] = match;
  if (before === "%" || after === "%") {
    const like = likeMatcher(before + inside + after);
    return (column) => like(columnText(field, column));
  }
  if (before === "" && after === "") {
    if (inside.indexOf("|") > 0) {
      const tests = inside.split("|").map(equals);
      return (column) => tests.some((test) => test(column));
    }
    const range = /^([\d.:\-\s]+),([\d.:\-\s]+)$/.exec(inside);
    if (range) {
      const [low, high] = phpSortPair(range[1] ?? "", range[2] ?? "");
      return (column) => (compareColumn(field, column, low) ?? -1) >= 0 && (compareColumn(field, column, high) ?? 1) <= 0;
    }
    return equals(inside);
  }
  if (before === ">") return (column) => compareColumn(field, column, inside) === 1;
  if (before === "<") return (column) => compareColumn(field, column, inside) === -1;
  if (before === "!") {
    const literals = inside.split("|");
    return (column) => literals.every((literal) => (compareColumn(field, column, literal) ?? 0) !== 0);
  }
  return () => true;
}
