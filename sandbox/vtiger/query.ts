/**
 * operation=query: checks a VTQL statement like vtws_query and evaluates it the way the SQL vtiger
 * builds from it would run on MySQL (case-insensitive collation, AND before OR, 100-row cap,
 * `[]` when that SQL fails).
 */
import { typesOf, type OpContext } from "./context.ts";
import { isKnownModule, moduleKind, splitWsId } from "./entities.ts";
import { accessDenied, DENIED, invalidId } from "./errors.ts";
import type { DescribeField } from "./fixtures.ts";
import { linesOf } from "./line-items.ts";
import { collationKey, foldCase, phpFloat, phpString } from "./php.ts";
import { LINE_COLUMNS } from "./record-view.ts";
import type { StoredRecord } from "./store.ts";
import { emptyValue, isNumericField } from "./values.ts";
import { moduleOfQuery, parseVtql, type Operator, type VtqlCondition, type VtqlQuery, type VtqlValue } from "./vtql.ts";

const MAX_ROWS = 100;

/** The generated SQL would fail; vtiger then answers success with no rows. */
class SqlFailure extends Error {}

export function runQuery(ctx: OpContext, rawQuery: unknown): Array<Record<string, string>> {
  const text = phpString(rawQuery);
  const module = moduleOfQuery(text);
  if (module === undefined) throw accessDenied(`${DENIED} for query`);
  // Built only when thrown: an Error captures a stack trace.
  const unknownModule = () => accessDenied(`${DENIED} for name : ${module}`);
  if (!isKnownModule(module)) throw unknownModule();
  if (!typesOf(ctx).includes(module)) throw accessDenied();
  if (!ctx.schema.has(module)) throw unknownModule();

  const query = parseVtql(text);
  const fields = ctx.schema.columnFields(module).filter((f) => f.type.name !== "password");
  const byName = new Map(fields.map((f) => [f.name, f]));
  const output = projection(query, byName);
  const conditions = checkedConditions(query, byName);
  try {
    const read = columnReader(ctx, module);
    const connectors = query.where?.connectors ?? [];
    const compiled = conditions.map((condition) => compileCondition(read, condition));
    const where = whereClause(compiled, connectors);
    const rows = sorted(read, candidateRows(ctx, module, compiled, connectors).filter(where), query, byName);
    if (query.select.kind === "count") return paginate([{ count: String(rows.length) }], query.limit);
    return paginate(rows, query.limit).map((record) => ctx.view.columns(record, output ?? fields));
  } catch (error) {
    if (error instanceof SqlFailure) return [];
    throw error;
  }
}

/** Selected fields plus `id`, which vtiger always adds. Unknown ones are rejected before any SQL runs. */
function projection(query: VtqlQuery, byName: Map<string, DescribeField>): DescribeField[] | undefined {
  if (query.select.kind !== "fields") return undefined;
  const names = [...new Set([...query.select.fields, "id"])];
  return names.map((name) => {
    const field = byName.get(name);
    if (!field) throw accessDenied(`Permission to access '.${name}.' attribute denied.`);
    return field;
  });
}

const isIdLike = (field: DescribeField): boolean =>
  field.name === "id" || field.type.name === "reference" || field.type.name === "owner";

const isNumericColumn = (field: DescribeField): boolean => isIdLike(field) || isNumericField(field);

type CheckedCondition = VtqlCondition & { column: DescribeField };

function checkedConditions(query: VtqlQuery, byName: Map<string, DescribeField>): CheckedCondition[] {
  return (query.where?.conditions ?? []).map((condition) => {
    const column = byName.get(condition.field);
    if (!column) throw accessDenied(`Permission to access ${condition.field} attribute denied.`);
    // Ids are compared by their numeric part, which vtiger extracts by splitting on "x".
    if (isIdLike(column) && condition.values.some((v) => !v.raw.includes("x"))) throw invalidId();
    return { ...condition, column };
  });
}

const isVisible = (module: string, record: StoredRecord): boolean =>
  // Actor rows have no recycle bin; only Currency filters on its own `deleted` column.
  !record.deleted && !(module === "Currency" && record.fields.deleted === "1");

function visibleRows(ctx: OpContext, module: string): StoredRecord[] {
  return ctx.store.all(module).filter((record) => isVisible(module, record));
}

/** The AND-runs of a WHERE clause (c1 AND c2 OR c3 → [[c1, c2], [c3]]): AND binds tighter. */
function orBranches<T>(conditions: T[], connectors: Array<"AND" | "OR">): T[][] {
  const branches: T[][] = [[]];
  conditions.forEach((condition, i) => {
    branches[branches.length - 1]?.push(condition);
    if (connectors[i] === "OR") branches.push([]);
  });
  return branches;
}

/**
 * The rows the WHERE clause may match, in table order. Usually every visible row; but when each
 * OR-branch holds an `=`/`IN` the store can answer from an index (`email IN (…100 values)` against
 * 100,000 Contacts), only the rows filed under those values. The caller still applies the whole
 * WHERE clause to them, so both ways give the same rows.
 */
function candidateRows(ctx: OpContext, module: string, conditions: CompiledCondition[], connectors: Array<"AND" | "OR">) {
  const lookups = orBranches(conditions, connectors).map((branch) => {
    for (const condition of branch) {
      const lookup = indexedLookup(ctx, module, condition);
      if (lookup) return lookup;
    }
    return undefined;
  });
  if (conditions.length === 0 || lookups.some((lookup) => lookup === undefined)) return visibleRows(ctx, module);
  const found = new Set<StoredRecord>();
  for (const lookup of lookups) for (const record of lookup?.() ?? []) found.add(record);
  return [...found]
    .filter((record) => isVisible(module, record))
    .sort((a, b) => ctx.store.positionOf(a) - ctx.store.positionOf(b));
}

/**
 * The rows an `=`/`IN` condition can be true for, when an index finds them: by id, or by the
 * collation key of a text column compared with quoted literals. Undefined for anything else
 * (numbers compared with text, LIKE, ranges, inventory columns read from the lines…).
 */
function indexedLookup(ctx: OpContext, module: string, { column, equal }: CompiledCondition) {
  if (!equal) return undefined;
  const store = ctx.store;
  if (column.name === "id") {
    // Compared as numbers (the literals' numeric parts) with the integer ids.
    return () => [...equal.number].flatMap((id) => (Number.isInteger(id) ? (store.find(module, id as number) ?? []) : []));
  }
  const ownColumn = !(moduleKind(module) === "inventory" && LINE_COLUMNS.has(column.name));
  // A number literal makes MySQL compare as numbers.
  if (isNumericColumn(column) || !ownColumn || equal.number.size > 0) return undefined;
  const keyOf = (record: StoredRecord) => collationKey(storedColumn(module, record, column));
  return () => [...equal.text].flatMap((key) => store.lookup(module, `column:${column.name}`, keyOf, key as string));
}

type ColumnReader = (record: StoredRecord, field: DescribeField) => string;

/** A column of the record's own row as MySQL sees it: crmids for ids and references. */
function storedColumn(module: string, record: StoredRecord, field: DescribeField, source = record.fields): string {
  if (field.name === "id") return String(record.id);
  const value = source[field.name] ?? emptyValue(module, field);
  return isIdLike(field) ? splitWsId(value).id : value;
}

/** Reads the value MySQL sees in a column, a line's value for the line columns of inventory records. */
function columnReader(ctx: OpContext, module: string): ColumnReader {
  const inventory = moduleKind(module) === "inventory";
  return (record, field) => {
    const fromLine = inventory && field.name !== "id" && LINE_COLUMNS.has(field.name);
    return storedColumn(module, record, field, fromLine ? (linesOf(ctx.store, record)[0]?.fields ?? {}) : record.fields);
  };
}

type Predicate = (record: StoredRecord) => boolean;

/** The WHERE clause as one predicate: (c1 AND c2 OR c3) — AND-runs, OR'ed together. */
function whereClause(conditions: CompiledCondition[], connectors: Array<"AND" | "OR">): Predicate {
  if (conditions.length === 0) return () => true;
  const runs = orBranches(conditions, connectors).map((branch) => branch.map((condition) => condition.test));
  return (record) => runs.some((run) => run.every((test) => test(record)));
}

/** A column value and its comparison keys, each computed at most once (IN tests many literals). */
class ColumnValue {
  private number: number | string | undefined;
  private text: number | string | undefined;

  constructor(readonly value: string) {}

  key(numeric: boolean): number | string {
    return numeric ? (this.number ??= sortKey(this.value, true)) : (this.text ??= sortKey(this.value, false));
  }
}

type LiteralTest = (column: ColumnValue) => boolean;

interface CompiledCondition {
  column: DescribeField;
  test: Predicate;
  /**
   * For `=` and `IN`: the keys the column is compared with, as numbers and as collation keys
   * (NULL literals left out); the index look-ups use them too.
   */
  equal: { number: Set<number | string>; text: Set<number | string> } | null;
}

/** Literals are converted once; a literal SQL cannot use (an unquoted word) fails the whole query. */
function compileCondition(read: ColumnReader, { column, operator, values }: CheckedCondition): CompiledCondition {
  if (operator !== "IN" && values.length > 1) throw new SqlFailure();
  const numericColumn = isNumericColumn(column);
  // Equality with many literals (IN) is a set look-up per kind of comparison, not one test per literal.
  const equal = { number: new Set<number | string>(), text: new Set<number | string>() };
  const tests = values.flatMap((literal): LiteralTest[] => {
    const operand = literalValue(literal, column);
    if (operand === null) return []; // NULL never compares true
    if (operator === "LIKE") {
      const pattern = likePattern(operand);
      return [(column) => pattern.test(foldCase(column.value))];
    }
    const numeric = numericColumn || literal.kind === "number";
    const key = sortKey(operand, numeric);
    if (operator === "=" || operator === "IN") {
      (numeric ? equal.number : equal.text).add(key);
      return [];
    }
    const accept = ACCEPTS[operator];
    return [(value) => accept(compareKeys(value.key(numeric), key))];
  });
  if (equal.number.size > 0) tests.push((value) => equal.number.has(value.key(true)));
  if (equal.text.size > 0) tests.push((value) => equal.text.has(value.key(false)));
  const test = (record: StoredRecord) => {
    const value = read(record, column);
    if (numericColumn && value === "") return false;
    const keys = new ColumnValue(value);
    return tests.some((literalTest) => literalTest(keys));
  };
  return { column, test, equal: operator === "=" || operator === "IN" ? equal : null };
}

const ACCEPTS: Record<Exclude<Operator, "LIKE">, (order: number) => boolean> = {
  "=": (order) => order === 0,
  IN: (order) => order === 0,
  "!=": (order) => order !== 0,
  "<": (order) => order < 0,
  ">": (order) => order > 0,
  "<=": (order) => order <= 0,
  ">=": (order) => order >= 0,
};

/** The literal as SQL reads it; null for NULL. Unquoted words are column names in SQL: the query fails. */
function literalValue(literal: VtqlValue, column: DescribeField): string | null {
  if (isIdLike(column)) return splitWsId(literal.value).id;
  if (literal.kind !== "word") {
    const padDate = column.type.name === "datetime" && /^\d{4}-\d{2}-\d{2}$/.test(literal.value);
    return padDate ? `${literal.value} 00:00:00` : literal.value;
  }
  const word = literal.value.toLowerCase();
  if (word === "null") return null;
  if (word === "true" || word === "false") return word === "true" ? "1" : "0";
  throw new SqlFailure();
}

/** Numbers compare as numbers, text through the case- and accent-insensitive collation. */
const sortKey = (value: string, numeric: boolean): number | string => (numeric ? phpFloat(value) : collationKey(value));

const compareKeys = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/** SQL LIKE under that collation: % and _ wildcards, backslash escapes. */
function likePattern(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? "";
    if (ch === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i] ?? "");
    else if (ch === "%") source += "[\\s\\S]*";
    else if (ch === "_") source += "[\\s\\S]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`);
}

const escapeRegExp = (text: string): string => foldCase(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function sorted(read: ColumnReader, rows: StoredRecord[], query: VtqlQuery, byName: Map<string, DescribeField>) {
  if (!query.orderBy) return rows;
  const { fields: names, direction } = query.orderBy;
  const columns = names.map((name) => {
    const field = byName.get(name);
    if (!field) throw new SqlFailure(); // "ORDER BY ." in vtiger's SQL
    return field;
  });
  const keyed = rows.map((record) => ({
    record,
    keys: columns.map((field) => sortKey(read(record, field), isNumericColumn(field))),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < columns.length; i++) {
      const order = compareKeys(a.keys[i] ?? "", b.keys[i] ?? "");
      // The direction is appended after the last column only.
      if (order !== 0) return i === columns.length - 1 && direction === "DESC" ? -order : order;
    }
    return 0;
  });
  return keyed.map((entry) => entry.record);
}

/** LIMIT n is capped at 100 (none given: 100); LIMIT offset, n caps n but not the offset. */
function paginate<T>(rows: T[], limit: VtqlQuery["limit"]): T[] {
  if (!limit) return rows.slice(0, MAX_ROWS);
  const count = Math.min(limitNumber(limit.count), MAX_ROWS);
  const offset = limit.offset ? limitNumber(limit.offset) : 0;
  return rows.slice(offset, offset + count);
}

function limitNumber(value: VtqlValue): number {
  if (value.kind !== "number" || !/^\+?\d+$/.test(value.value)) throw new SqlFailure();
  return Number(value.value);
}
