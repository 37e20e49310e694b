/**
 * The shop's database: one table per resource, rows kept in ascending id order (the order InnoDB
 * returns them when a query has no ORDER BY), with lazily built look-up indexes.
 */
import type { DbValue, Row, StoredValue } from "./schema.ts";

/** What an index files a row under; undefined leaves the row out. Must only depend on the row's columns. */
export type RowKey = (row: Row) => unknown;

/** Rows grouped by a key, each group ascending id. */
interface RowIndex {
  keyOf: RowKey;
  groups: Map<unknown, Row[]>;
}

export class Table {
  /** Rows by id (ids are small dense integers: an array beats a Map on big shops). */
  private readonly byId: Array<Row | undefined> = [];
  private count = 0;
  /** All rows by ascending id, kept in step with `byId` (appends are the common case). */
  private readonly ordered: Row[] = [];
  /** By name: `where` indexes are named after their column, others chose their own names. */
  private readonly indexes = new Map<string, RowIndex>();
  private nextId = 1;

  get(id: number): Row | undefined {
    return Number.isInteger(id) && id > 0 ? this.byId[id] : undefined;
  }

  /** Every row, ascending id. Shared with the table: do not mutate it. */
  all(): readonly Row[] {
    return this.ordered;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Rows whose stored column `field` equals `value`, ascending id. The index is built on first use
   * and then maintained, so only use it for columns every row sets. The array is the index's own:
   * copy it before changing the table while iterating.
   */
  where(field: string, value: DbValue): readonly Row[] {
    return this.lookup(field, (row) => row[field] ?? null, value);
  }

  /**
   * Rows whose `keyOf` is `key`, ascending id. `name` identifies `keyOf`: the index is built on first
   * use, then maintained by insert, update and delete. Shared with the table: do not mutate it.
   */
  lookup(name: string, keyOf: RowKey, key: unknown): readonly Row[] {
    let index = this.indexes.get(name);
    if (!index) {
      index = { keyOf, groups: new Map() };
      for (const row of this.ordered) file(index, row);
      this.indexes.set(name, index);
    }
    return index.groups.get(key) ?? [];
  }

  /** How many rows have an id above `id`. */
  countAfter(id: number): number {
    return this.ordered.length - upperBound(this.ordered, id);
  }

  /** The rows after id `id` (exclusive), ascending id, read lazily. */
  *after(id: number): Generator<Row, void, undefined> {
    for (let at = upperBound(this.ordered, id); at < this.ordered.length; at++) yield this.ordered[at] as Row;
  }

  /** Takes ownership of `columns`: wide rows are not copied (copies made large shops slow to build). */
  insert(columns: Record<string, StoredValue>): Row {
    columns.id = this.nextId++;
    const row = columns as Row;
    this.byId[row.id] = row;
    this.count++;
    this.ordered.push(row);
    for (const index of this.indexes.values()) file(index, row);
    return row;
  }

  /** Changes the row in place, so every holder of the row sees the new values. */
  update(id: number, columns: Record<string, StoredValue>): Row {
    const row = this.get(id);
    if (!row) throw new Error(`No row ${id}`);
    const before = [...this.indexes.values()].map((index) => [index, index.keyOf(row)] as const);
    Object.assign(row, columns);
    for (const [index, key] of before) {
      const now = index.keyOf(row);
      if (Object.is(now, key)) continue;
      if (key !== undefined) removeFrom(groupOf(index, key), id);
      if (now !== undefined) insertById(groupOf(index, now), row);
    }
    return row;
  }

  /** Physical delete (order lines removed in the back office are gone for good). */
  delete(id: number): void {
    const current = this.get(id);
    if (!current) return;
    this.byId[id] = undefined;
    this.count--;
    this.ordered.splice(this.position(id), 1);
    for (const index of this.indexes.values()) {
      const key = index.keyOf(current);
      if (key !== undefined) removeFrom(groupOf(index, key), id);
    }
  }

  private position(id: number): number {
    return lowerBound(this.ordered, id);
  }
}

function groupOf(index: RowIndex, key: unknown): Row[] {
  let group = index.groups.get(key);
  if (!group) {
    group = [];
    index.groups.set(key, group);
  }
  return group;
}

/** Rows are filed in ascending id (build, insert): appended. */
function file(index: RowIndex, row: Row): void {
  const key = index.keyOf(row);
  if (key !== undefined) groupOf(index, key).push(row);
}

/** First position whose id is ≥ `id` in an id-sorted list. */
function lowerBound(rows: readonly Row[], id: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rows[middle]?.id ?? 0) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First position whose id is > `id` in an id-sorted list (ids are integers; `id` may be any number). */
function upperBound(rows: readonly Row[], id: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rows[middle]?.id ?? 0) <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeFrom(bucket: Row[], id: number): void {
  const at = lowerBound(bucket, id);
  if (bucket[at]?.id === id) bucket.splice(at, 1);
}

function insertById(bucket: Row[], row: Row): void {
  bucket.splice(lowerBound(bucket, row.id), 0, row);
}

export class ShopData {
  private readonly tables = new Map<string, Table>();
  /** Counters kept outside the webservice tables (carts, invoice and delivery slip numbers). */
  private readonly sequences = new Map<string, number>();

  next(sequence: string): number {
    const value = (this.sequences.get(sequence) ?? 0) + 1;
    this.sequences.set(sequence, value);
    return value;
  }

  table(resource: string): Table {
    let table = this.tables.get(resource);
    if (!table) {
      table = new Table();
      this.tables.set(resource, table);
    }
    return table;
  }

  /** `Configuration::get(name)`: the raw value, or undefined when the key does not exist. */
  configuration(name: string): string | undefined {
    const row = this.table("configurations").where("name", name)[0];
    return row && typeof row.value === "string" ? row.value : undefined;
  }

  configurationInt(name: string): number {
    return Number.parseInt(this.configuration(name) ?? "0", 10) || 0;
  }

  setConfiguration(name: string, value: string, now: string): void {
    const table = this.table("configurations");
    const row = table.where("name", name)[0];
    if (row) table.update(row.id, { value, date_upd: now });
    else table.insert({ name, value, date_add: now, date_upd: now });
  }

  /** `Language::getIDs()`: the active languages, ascending id. */
  languageIds(): number[] {
    return this.table("languages")
      .all()
      .filter((language) => language.active === 1)
      .map((language) => language.id);
  }
}
