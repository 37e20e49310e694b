/**
 * The rows a list answers with: filtered, sorted and sliced as PrestaShop's SQL returns them. The
 * general path scans the whole table; the fast path serves what connectors page with — ids after a
 * cursor (`filter[id]=>[N]`), lists of ids (`filter[id]=[1|2|3]`) and of foreign keys
 * (`filter[id_customer]=[…]`) — from the table's order and indexes, then applies the same filters,
 * sort and limit to those rows only. Both give the same rows (select-rows.test.ts compares them).
 */
import type { ListPlan } from "./list-query.ts";
import { mysqlNumber } from "./mysql.ts";
import { readField, type FieldDef, type Row } from "./schema.ts";
import type { ShopData, Table } from "./store.ts";

export function selectRows(table: Table, plan: ListPlan, shop: ShopData): Row[] {
  return selectIndexed(table, plan, shop) ?? selectByScan(table, plan);
}

/** The general path: every row through the filters, then sort and slice. */
export function selectByScan(table: Table, plan: ListPlan): Row[] {
  return filterSortSlice(table.all(), plan);
}

function filterSortSlice(rows: readonly Row[], plan: ListPlan): Row[] {
  let selected = rows.filter(plan.matches);
  if (plan.compare) selected = selected.sort(plan.compare);
  if (plan.limit) selected = selected.slice(plan.limit.offset, plan.limit.offset + plan.limit.count);
  return selected;
}

/**
 * The fast path, or null when it does not apply. Rows come from the narrowest indexed filter, or
 * from the whole table when the page is in id order and limited (it stops at the page's end).
 */
export function selectIndexed(table: Table, plan: ListPlan, shop: ShopData): Row[] | null {
  if (!plan.readsStoredColumns) return null;
  const { limit } = plan;
  const pageInIdOrder = plan.idOrder && limit !== null;
  const narrowest = plan.filters
    .map(({ field, value }) => candidatesOf(table, field, value, shop))
    .reduce<Candidates | null>((best, option) => (option && (!best || option.size < best.size) ? option : best), null);
  if (!narrowest && !pageInIdOrder) return null;
  const rows = narrowest ? narrowest.rows() : table.all();
  // In id order, the first offset + count matches are the page: stop there.
  if (limit && plan.idOrder) return firstMatches(rows, plan.matches, limit.offset + limit.count).slice(limit.offset);
  return filterSortSlice([...rows], plan);
}

/** Rows that may pass one filter, ascending id, and how many (to pick the fewest before reading them). */
interface Candidates {
  size: number;
  rows(): Iterable<Row>;
}

function firstMatches(rows: Iterable<Row>, matches: (row: Row) => boolean, wanted: number): Row[] {
  const found: Row[] = [];
  if (wanted <= 0) return found;
  for (const row of rows) {
    if (!matches(row)) continue;
    found.push(row);
    if (found.length >= wanted) break;
  }
  return found;
}

/**
 * What an indexed filter may match: equality with numbers (`5`, `[5]`, `[1|2|3]`) on an int column,
 * or `>[N]` on `id`. The grammar is filter-value.ts's; numbers compare as MySQL does (`Number(column)`
 * against the literal's numeric prefix), so an index keyed on `Number(column)` finds every match.
 */
function candidatesOf(table: Table, field: FieldDef, filterValue: string, shop: ShopData): Candidates | null {
  if (field.type !== "int" || field.i18n || field.value) return null;
  const numbers = numericFilter(filterValue);
  if (!numbers) return null;
  if ("after" in numbers) {
    if (field.name !== "id") return null;
    return { size: table.countAfter(numbers.after), rows: () => table.after(numbers.after) };
  }
  const values = [...new Set(numbers.equal)].filter(Number.isFinite);
  const groups =
    field.name === "id"
      ? values.map((id) => (table.get(id) ? [table.get(id) as Row] : []))
      : values.map((value) => table.lookup(`number:${field.name}`, (row) => numberKey(field, row, shop), value));
  return {
    size: groups.reduce((sum, group) => sum + group.length, 0),
    rows: () => groups.flat().sort((a, b) => a.id - b.id),
  };
}

/** A column's value as MySQL compares it with a number; undefined when it can equal none (NULL, NaN, ±∞). */
function numberKey(field: FieldDef, row: Row, shop: ShopData): number | undefined {
  const value = readField(field, row, shop);
  if (value === null || typeof value === "object") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** The equality and `>` forms of filter-value.ts's grammar, with their literals as numbers; null for the others. */
function numericFilter(filterValue: string): { equal: number[] } | { after: number } | null {
  const match = /^(.*)\[(.*)\](.*)$/.exec(filterValue);
  if (!match) return { equal: [mysqlNumber(filterValue)] };
  const [, before = "", inside = "", after = ""] = match;
  if (before === ">" && after !== "%") return { after: mysqlNumber(inside) };
  if (before !== "" || after !== "") return null;
  if (inside.indexOf("|") > 0) return { equal: inside.split("|").map(mysqlNumber) };
  if (/^([\d.:\-\s]+),([\d.:\-\s]+)$/.test(inside)) return null; // a range
  return { equal: [mysqlNumber(inside)] };
}
