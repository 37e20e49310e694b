/**
 * Builders for `filter[field]=value` values (reference §5.2). PrestaShop splits the value with
 * /^(.*)\[(.*)\](.*)$/ and picks the SQL operator from what surrounds the brackets; there is no
 * escape character, and a value that the split misreads is not an error but a filter that
 * silently matches *everything* (an unknown prefix adds no condition at all). So every builder
 * checks that the value survives the split, and refuses the ones that cannot.
 */
import { PrestashopUsageError } from "./errors";

declare const built: unique symbol;
/** A filter value made by one of these builders; plain strings are refused by the query builder's type. */
export type FilterValue = string & { readonly [built]: true };

type Scalar = string | number;

/** Exact match. Sent without brackets whenever possible, because then no character is special. */
export function eq(value: Scalar): FilterValue {
  const text = scalar(value);
  if (text === "") return as("[]"); // a bare empty value is error #33
  if (!hasBracketPair(text)) return as(text);
  throw unfilterable(text, "contains “[” followed by “]”");
}

/** Any of the values (SQL `IN`). */
export function oneOf(values: readonly Scalar[]): FilterValue {
  const [first, ...rest] = values;
  if (first === undefined) throw new PrestashopUsageError("oneOf needs at least one value");
  if (rest.length === 0) return eq(first);
  // An empty first value would put "|" at position 0, which PrestaShop does not read as a list.
  return as(`[${values.map((v) => inBrackets(v, { list: true, empty: false })).join("|")}]`);
}

/** None of the values. */
export function not(values: Scalar | readonly Scalar[]): FilterValue {
  const list = Array.isArray(values) ? (values as readonly Scalar[]) : [values as Scalar];
  if (list.length === 0) throw new PrestashopUsageError("not needs at least one value");
  return as(`![${list.map((v) => inBrackets(v, { list: true, empty: true })).join("|")}]`);
}

/** Strictly greater (there is no >=; use `between` for an inclusive bound). */
export function gt(value: Scalar): FilterValue {
  return as(`>[${inBrackets(value, { list: false, empty: true })}]`);
}

/** Strictly less. */
export function lt(value: Scalar): FilterValue {
  return as(`<[${inBrackets(value, { list: false, empty: true })}]`);
}

/** Both ends included. PrestaShop accepts only digits, ".", ":", "-" and spaces here (numbers, dates, times). */
const RANGE_END = /^[\d.:\-\s]+$/;
export function between(from: Scalar, to: Scalar): FilterValue {
  const a = scalar(from);
  const b = scalar(to);
  for (const end of [a, b]) {
    if (!RANGE_END.test(end)) throw unfilterable(end, "is not a number, date or time (range ends allow digits . : - and spaces)");
  }
  return as(`[${a},${b}]`);
}

export function startsWith(value: Scalar): FilterValue {
  return as(`[${likeText(value)}]%`);
}

export function endsWith(value: Scalar): FilterValue {
  return as(`%[${likeText(value)}]`);
}

export function contains(value: Scalar): FilterValue {
  return as(`%[${likeText(value)}]%`);
}

/**
 * LIKE treats % and _ as wildcards. PrestaShop passes the text through MySQL string escaping, so a
 * backslash we send arrives in LIKE as its escape character.
 */
function likeText(value: Scalar): string {
  return inBrackets(value, { list: false, empty: true }).replace(/[\\%_]/g, (c) => `\\${c}`);
}

function scalar(value: Scalar): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new PrestashopUsageError(`${value} cannot be used as a filter value`);
  }
  return String(value);
}

/** Text that goes between the brackets: a "[" would move the split, a "|" in a list would split it. */
function inBrackets(value: Scalar, options: { list: boolean; empty: boolean }): string {
  const text = scalar(value);
  if (text.includes("[")) throw unfilterable(text, "contains “[”");
  if (options.list && text.includes("|")) throw unfilterable(text, "contains “|”");
  if (!options.empty && text === "") throw new PrestashopUsageError("oneOf cannot match an empty value among others");
  return text;
}

function hasBracketPair(text: string): boolean {
  const open = text.indexOf("[");
  return open !== -1 && text.lastIndexOf("]") > open;
}

function unfilterable(text: string, why: string): PrestashopUsageError {
  return new PrestashopUsageError(`The webservice cannot filter on "${text.slice(0, 60)}": it ${why}`);
}

function as(value: string): FilterValue {
  return value as FilterValue;
}
