/**
 * The list-view parameters (WebserviceRequest::manageFilters, reference §5): filters, display, sort
 * and limit, validated in PHP's order and turned into a row test, a comparator and a slice.
 */
import { errors, PhpCrash } from "./errors.ts";
import { columnTest, type ColumnTest } from "./filter-value.ts";
import { compareColumns, type ColumnValue } from "./mysql.ts";
import { parseDisplay, type Display } from "./display.ts";
import type { PhpParams } from "./php-query.ts";
import { fieldsOf, isI18nValue, readField, type FieldDef, type ResourceDef, type Row } from "./schema.ts";
import type { ShopData } from "./store.ts";
import type { PsVersion } from "./versions.ts";

export interface ListPlan {
  matches: (row: Row) => boolean;
  compare: ((a: Row, b: Row) => number) | null;
  limit: { offset: number; count: number } | null;
  display: Display;
  /** The plain (single-value, not multilingual) filters, for the index look-ups of select-rows.ts. */
  filters: Array<{ field: FieldDef; value: string }>;
  /** Sorted by id ascending, or not sorted (table order is ascending id). */
  idOrder: boolean;
  /**
   * Every filtered and sorted field is a stored column of the resource, so reading it cannot fail
   * (`date=1` on a resource without dates fails, but only once a row reaches that condition).
   */
  readsStoredColumns: boolean;
}

interface Context {
  resource: ResourceDef;
  version: PsVersion;
  shop: ShopData;
  /** Languages of the request: i18n filters and sorts only look at these. */
  languages: readonly number[];
}

const DATE_FIELDS = ["date_add", "date_upd"];

/** PHP `(int)` of a string. */
const phpInt = (text: string) => Number.parseInt(/^\s*[+-]?\d+/.exec(text)?.[0] ?? "0", 10);

/** PHP `empty()` of a query parameter. */
const phpEmpty = (value: unknown) => value === undefined || value === "" || value === "0";

function columnOf(field: FieldDef, row: Row, ctx: Context): ColumnValue[] {
  if (!ctx.resource.fields.includes(field)) throw new PhpCrash(`Unknown column '${field.name}'`);
  const value = readField(field, row, ctx.shop);
  if (isI18nValue(value)) return ctx.languages.map((id) => value[id] ?? null);
  return [typeof value === "boolean" ? Number(value) : value];
}

export function planList(params: PhpParams, ctx: Context): ListPlan {
  const fields = fieldsOf(ctx.resource, ctx.version).filter((f) => !f.hidden);
  let available = fields.filter((f) => !f.i18n);
  const i18nAvailable = fields.filter((f) => f.i18n);
  const known = fieldsOf(ctx.resource, ctx.version).map((f) => f.name);
  if (phpEmpty(params.date)) {
    available = available.filter((f) => !DATE_FIELDS.includes(f.name));
  } else {
    // date=1 adds both date fields even to resources without them (the SQL then fails).
    for (const name of DATE_FIELDS) {
      if (!available.some((f) => f.name === name)) available.push({ name, type: "datetime" });
      if (!known.includes(name)) known.push(name);
    }
  }
  const byName = (list: FieldDef[], name: string) => list.find((f) => f.name === name);
  const availableNames = available.map((f) => f.name);

  const tests: Array<{ field: FieldDef; test: ColumnTest }> = [];
  const plainFilters: ListPlan["filters"] = [];
  const filter = params.filter;
  if (typeof filter === "object") {
    for (const [name, value] of Object.entries(filter)) {
      if (name === "sort" || name === "limit") continue;
      const plain = byName(available, name);
      if (!plain) {
        const translated = byName(i18nAvailable, name);
        if (value !== "" && translated) {
          for (const each of typeof value === "string" ? [value] : Object.values(value)) {
            if (typeof each === "string") tests.push({ field: translated, test: columnTest(translated, each) });
          }
        } else if (typeof value === "object") throw errors.noLinkedTable();
        else throw errors.filterUnknown(name, availableNames);
      } else if (value === "") throw errors.filterMalformed(name);
      else if (plain.dynamic) throw errors.filterDynamic(name);
      else if (typeof value === "string") {
        tests.push({ field: plain, test: columnTest(plain, value) });
        plainFilters.push({ field: plain, value });
      } else throw new PhpCrash("Array to string conversion in a filter value");
    }
  }

  const display = parseDisplay(params.display, "minimum", ctx.resource, known, ctx.version);

  let compare: ListPlan["compare"] = null;
  let sortFields: FieldDef[] = [];
  let idOrder = true;
  if (params.sort !== undefined) {
    const raw = typeof params.sort === "string" ? params.sort : "";
    const list = /^\[(.*)\]$/.exec(raw)?.[1];
    const keys = (list === undefined ? [raw] : list.split(",")).map((sort) => {
      const underscore = sort.lastIndexOf("_");
      const direction = sort.slice(underscore + 1).toUpperCase();
      if (underscore < 0 || (direction !== "ASC" && direction !== "DESC")) throw errors.sortSyntax();
      const name = sort.slice(0, underscore);
      const field = byName(available, name) ?? byName(i18nAvailable, name);
      if (!field) throw errors.sortField(availableNames, i18nAvailable.map((f) => f.name));
      return { field, sign: direction === "ASC" ? 1 : -1 };
    });
    sortFields = keys.map(({ field }) => field);
    // Rows are unique by id: a first key of id ascending decides every comparison.
    idOrder = keys[0]?.field.name === "id" && keys[0].sign === 1;
    // Ties keep id order: what InnoDB returns for equal keys in practice (SQL promises nothing).
    compare = (a, b) => {
      for (const { field, sign } of keys) {
        const order = compareColumns(field, columnOf(field, a, ctx)[0] ?? null, columnOf(field, b, ctx)[0] ?? null);
        if (order !== 0) return order * sign;
      }
      return a.id - b.id;
    };
  }

  let limit: ListPlan["limit"] = null;
  if (params.limit !== undefined) {
    const parts = (typeof params.limit === "string" ? params.limit : "").split(",");
    if (parts.length > 2) throw errors.limit();
    const [first = 0, second] = parts.map(phpInt);
    limit = second === undefined ? { offset: 0, count: first } : { offset: first, count: second };
    if (limit.offset < 0 || limit.count < 0) throw new PhpCrash("SQL syntax error near LIMIT");
  }

  return {
    matches: (row) => tests.every(({ field, test }) => columnOf(field, row, ctx).some(test)),
    compare,
    limit,
    display,
    filters: plainFilters,
    idOrder,
    readsStoredColumns: [...tests.map(({ field }) => field), ...sortFields].every(
      (field) => ctx.resource.fields.includes(field) && !field.value,
    ),
  };
}
