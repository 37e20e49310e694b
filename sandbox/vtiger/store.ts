/**
 * In-memory tables. Entity modules share vtiger's global crmid sequence; actor tables (Users/Groups,
 * Currency, Tax, LineItem) number their rows themselves. Values are kept as vtiger's DB would render them
 * (strings), references and owners as webservice ids.
 */
import { isCrmEntity } from "./entities.ts";

/** vtiger_inventorychargesrel: the S&H charge as the client sent it, and its taxes. */
export interface InventoryCharges {
  value: string | number | null;
  taxes: Record<string, string | number>;
}

export interface StoredRecord {
  module: string;
  /** crmid for entity modules, the table key for actor tables. */
  id: number;
  /** Soft delete (crmentity.deleted = 1): the row stays, the webservice no longer sees it. */
  deleted: boolean;
  fields: Record<string, string>;
  /** crmentity.label, computed from the module's label fields on save (entity modules only). */
  label?: string;
  /** Products/Services: enabled taxes, tax name → percentage ("19.000"). */
  productTaxes?: Record<string, string>;
  /** Inventory modules. */
  charges?: InventoryCharges;
}

export interface StoreSnapshot {
  nextCrmid: number;
  /** Actor table keys and record-number counters. */
  sequences: Record<string, number>;
  records: StoredRecord[];
}

/** Users and Groups share vtiger_users_seq, hence 19x1 admin, 20x2..4 groups, 19x5 next user. */
const sequenceOf = (module: string): string => (module === "Groups" ? "Users" : module);

/** What a record is indexed under (a column's collation key…); must only depend on the record's state. */
export type IndexKey = (record: StoredRecord) => string;

/**
 * The records of one module grouped by a key, each group in table order. Lets queries and duplicate
 * checks touch the few records with a given value instead of scanning a table of 100,000.
 */
class RecordIndex {
  private readonly groups = new Map<string, StoredRecord[]>();
  /** The key each record is filed under, to move it when it changes. */
  private readonly filed = new Map<StoredRecord, string>();

  constructor(
    private readonly keyOf: IndexKey,
    private readonly position: (record: StoredRecord) => number,
  ) {}

  get(key: string): readonly StoredRecord[] {
    return this.groups.get(key) ?? [];
  }

  /** Records arrive in table order (build, insert), so they are appended. */
  add(record: StoredRecord): void {
    const key = this.keyOf(record);
    this.filed.set(record, key);
    this.group(key).push(record);
  }

  remove(record: StoredRecord): void {
    const key = this.filed.get(record);
    if (key === undefined) return;
    this.filed.delete(record);
    const group = this.group(key);
    const at = this.firstAfter(group, this.position(record));
    if (group[at] === record) group.splice(at, 1);
  }

  /** Files a record changed in place under its new key, at its table position. */
  refresh(record: StoredRecord): void {
    const key = this.keyOf(record);
    if (this.filed.get(record) === key) return;
    this.remove(record);
    this.filed.set(record, key);
    const group = this.group(key);
    group.splice(this.firstAfter(group, this.position(record)), 0, record);
  }

  /** Binary search: where a record at `position` goes in a group kept in table order. */
  private firstAfter(group: readonly StoredRecord[], position: number): number {
    let low = 0;
    let high = group.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.position(group[middle] as StoredRecord) < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private group(key: string): StoredRecord[] {
    let group = this.groups.get(key);
    if (!group) {
      group = [];
      this.groups.set(key, group);
    }
    return group;
  }
}

export class Store {
  private tables = new Map<string, Map<number, StoredRecord>>();
  private byCrmid = new Map<number, StoredRecord>();
  private nextCrmid = 1;
  private sequences: Record<string, number> = {};
  /** Position of each record in its table (insertion order, which queries without ORDER BY follow). */
  private positions = new Map<StoredRecord, number>();
  private nextPosition = 0;
  /** module → index name → index; built on first use, kept up to date by insert/remove/changed. */
  private indexes = new Map<string, Map<string, RecordIndex>>();

  constructor(
    snapshot: StoreSnapshot,
    private readonly onChange: () => void = () => {},
  ) {
    this.load(snapshot);
  }

  load(snapshot: StoreSnapshot): void {
    const copy = structuredClone(snapshot);
    this.tables.clear();
    this.byCrmid.clear();
    this.positions.clear();
    this.indexes.clear();
    this.nextCrmid = copy.nextCrmid;
    this.sequences = copy.sequences;
    for (const record of copy.records) this.put(record);
  }

  /** The data as plain JSON-able objects, shared with the store: serialise it, do not keep or change it. */
  snapshot(): StoreSnapshot {
    const records = [...this.tables.values()].flatMap((table) => [...table.values()]);
    return { nextCrmid: this.nextCrmid, sequences: this.sequences, records };
  }

  /** Every row of a module in insertion order, deleted ones included. */
  all(module: string): StoredRecord[] {
    return [...(this.tables.get(module)?.values() ?? [])];
  }

  find(module: string, id: number): StoredRecord | undefined {
    return this.tables.get(module)?.get(id);
  }

  /**
   * The rows of a module (deleted ones included) whose `keyOf` is `key`, in table order. `name`
   * identifies `keyOf`: the index is built by the first lookup under that name, then maintained.
   * Shared with the store: do not mutate it.
   */
  lookup(module: string, name: string, keyOf: IndexKey, key: string): readonly StoredRecord[] {
    let indexes = this.indexes.get(module);
    if (!indexes) {
      indexes = new Map();
      this.indexes.set(module, indexes);
    }
    let index = indexes.get(name);
    if (!index) {
      index = new RecordIndex(keyOf, (record) => this.positionOf(record));
      for (const record of this.tables.get(module)?.values() ?? []) index.add(record);
      indexes.set(name, index);
    }
    return index.get(key);
  }

  /** Where a record stands in its table: sorting by it restores table order. */
  positionOf(record: StoredRecord): number {
    return this.positions.get(record) ?? Number.POSITIVE_INFINITY;
  }

  /** The crmentity row behind a crmid, whatever its module. */
  entity(crmid: number): StoredRecord | undefined {
    return this.byCrmid.get(crmid);
  }

  insert(module: string, fields: Record<string, string>, extra: Partial<StoredRecord> = {}): StoredRecord {
    const id = isCrmEntity(module) ? this.nextCrmid++ : this.next(sequenceOf(module));
    const record: StoredRecord = { ...extra, module, id, deleted: false, fields };
    this.put(record);
    this.onChange();
    return record;
  }

  /** Hard delete, for actor rows (line items are replaced, not recycled). */
  remove(module: string, id: number): void {
    const record = this.tables.get(module)?.get(id);
    this.tables.get(module)?.delete(id);
    if (record) {
      for (const index of this.indexes.get(module)?.values() ?? []) index.remove(record);
      this.positions.delete(record);
    }
    this.onChange();
  }

  /** Next value of a named counter (record numbering: "LEA1", "SO1", …). */
  next(sequence: string): number {
    const value = this.sequences[sequence] ?? 1;
    this.sequences[sequence] = value + 1;
    return value;
  }

  /**
   * Call after changing stored records in place: with the record changed, its index entries move;
   * without, every index is dropped (and rebuilt when next used).
   */
  changed(record?: StoredRecord): void {
    if (record) for (const index of this.indexes.get(record.module)?.values() ?? []) index.refresh(record);
    else this.indexes.clear();
    this.onChange();
  }

  private put(record: StoredRecord): void {
    let table = this.tables.get(record.module);
    if (!table) {
      table = new Map();
      this.tables.set(record.module, table);
    }
    const indexes = [...(this.indexes.get(record.module)?.values() ?? [])];
    const replaced = table.get(record.id);
    // A Map keeps a replaced key where it was: so does the position.
    const position = replaced ? this.positionOf(replaced) : this.nextPosition++;
    if (replaced) {
      for (const index of indexes) index.remove(replaced);
      this.positions.delete(replaced);
    }
    table.set(record.id, record);
    this.positions.set(record, position);
    for (const index of indexes) {
      if (replaced) index.refresh(record);
      else index.add(record);
    }
    if (isCrmEntity(record.module)) this.byCrmid.set(record.id, record);
  }
}
