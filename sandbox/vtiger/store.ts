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

export class Store {
  private tables = new Map<string, Map<number, StoredRecord>>();
  private byCrmid = new Map<number, StoredRecord>();
  private nextCrmid = 1;
  private sequences: Record<string, number> = {};

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
    this.nextCrmid = copy.nextCrmid;
    this.sequences = copy.sequences;
    for (const record of copy.records) this.put(record);
  }

  snapshot(): StoreSnapshot {
    const records = [...this.tables.values()].flatMap((table) => [...table.values()]);
    return structuredClone({ nextCrmid: this.nextCrmid, sequences: this.sequences, records });
  }

  /** Every row of a module in insertion order, deleted ones included. */
  all(module: string): StoredRecord[] {
    return [...(this.tables.get(module)?.values() ?? [])];
  }

  find(module: string, id: number): StoredRecord | undefined {
    return this.tables.get(module)?.get(id);
  }

  /** The crmentity row behind a crmid, whatever its module. */
  entity(crmid: number): StoredRecord | undefined {
    return this.byCrmid.get(crmid);
  }

  insert(module: string, fields: Record<string, string>, extra: Partial<StoredRecord> = {}): StoredRecord {
    const id = isCrmEntity(module) ? this.nextCrmid++ : this.next(sequenceOf(module));
    const record: StoredRecord = { ...extra, module, id, deleted: false, fields };
    this.put(record);
    this.changed();
    return record;
  }

  /** Hard delete, for actor rows (line items are replaced, not recycled). */
  remove(module: string, id: number): void {
    this.tables.get(module)?.delete(id);
    this.changed();
  }

  /** Next value of a named counter (record numbering: "LEA1", "SO1", …). */
  next(sequence: string): number {
    const value = this.sequences[sequence] ?? 1;
    this.sequences[sequence] = value + 1;
    return value;
  }

  /** Call after changing a stored record in place. */
  changed(): void {
    this.onChange();
  }

  private put(record: StoredRecord): void {
    let table = this.tables.get(record.module);
    if (!table) {
      table = new Map();
      this.tables.set(record.module, table);
    }
    table.set(record.id, record);
    if (isCrmEntity(record.module)) this.byCrmid.set(record.id, record);
  }
}
