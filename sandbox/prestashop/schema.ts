/**
 * How a webservice resource is described: the `$webserviceParameters` of its ObjectModel class merged
 * with its `$definition` (ObjectModel::getWebserviceParameters). Field order here is wire order:
 * `id`, then the webserviceParameters fields, then the remaining definition fields.
 */
import type { PsVersion } from "./versions.ts";
import { atLeast } from "./versions.ts";
import type { ShopData } from "./store.ts";

/** Column types as they matter on the wire and in MySQL comparisons. */
export type FieldType = "int" | "bool" | "decimal" | "string" | "date" | "datetime";

/** A column value the way the database holds it; `false` only comes from PHP getters. */
export type DbValue = number | string | boolean | null;
/** A multilingual value, by id_lang. */
export type I18nValue = Readonly<Record<number, string>>;
export type StoredValue = DbValue | I18nValue;

/** A stored object: its id and the columns that differ from the field defaults. */
export interface Row {
  readonly id: number;
  [field: string]: StoredValue;
}

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Digits after the point of a DECIMAL column (6 unless said otherwise). */
  scale?: number;
  i18n?: boolean;
  /** `xlink_resource`: XML links the value to this resource (or resource/subresource/id). */
  xlink?: string | { resourceName: string; subResourceName?: string };
  /** Declared with a `getter` (even `false`): filtering it is error #34, XML marks it notFilterable. */
  dynamic?: boolean;
  /** Listed in `hidden_fields`: never rendered, never filterable. */
  hidden?: boolean;
  /** Computes the value instead of reading the column (PHP getters, renamed columns). */
  value?: (row: Row, shop: ShopData) => StoredValue;
  /** Version range of the field: present from `since`, gone from `removedIn`. */
  since?: PsVersion;
  removedIn?: PsVersion;
}

export interface AssociationField {
  name: string;
  xlink?: string;
}

export interface AssociationDef {
  name: string;
  /** Node name of one associated element (`resource` in PHP). */
  node: string;
  /** The `api` attribute of the XML wrapper; defaults to the association name. */
  api?: string;
  /** Rows built from another table (order_rows): XML says virtualEntity="true" instead of api. */
  virtualEntity?: boolean;
  /** Fields of one element, by version; PHP falls back to a lone `id` when none are declared. */
  fields: (version: PsVersion) => AssociationField[];
  rows: (row: Row, shop: ShopData) => Array<Record<string, DbValue>>;
}

export interface ResourceDef {
  /** Resource name in the URL and plural node name (`objectsNodeName`). */
  name: string;
  /** Singular node name (`objectNodeName`). */
  node: string;
  /** `description` in `getResources()`, shown by the root listing. */
  description: string;
  fields: FieldDef[];
  associations: AssociationDef[];
  /**
   * Objects the dispatcher already loaded before the webservice ran (Context currency and language).
   * EntityMapper serves them from its cache, which keeps the un-cast values: their bools stay ints.
   */
  preloaded?: (id: number, shop: ShopData) => boolean;
}

/** The fields a given version exposes, in wire order. */
export function fieldsOf(resource: ResourceDef, version: PsVersion): FieldDef[] {
  return resource.fields.filter(
    (field) => (!field.since || atLeast(version, field.since)) && (!field.removedIn || !atLeast(version, field.removedIn)),
  );
}

const ZERO_DATE = "0000-00-00";

/** What an unset column holds: MySQL's rendering of the column default. */
function defaultValue(field: FieldDef): DbValue {
  switch (field.type) {
    case "int":
    case "bool":
    case "decimal":
      return 0;
    case "date":
      return ZERO_DATE;
    case "datetime":
      return `${ZERO_DATE} 00:00:00`;
    case "string":
      return "";
  }
}

export function isI18nValue(value: StoredValue | undefined): value is I18nValue {
  return value !== null && typeof value === "object";
}

/** The value of a field for a row: computed, stored, or the column default. */
export function readField(field: FieldDef, row: Row, shop: ShopData): StoredValue {
  if (field.value) return field.value(row, shop);
  if (field.name === "id") return row.id;
  const stored = row[field.name];
  if (stored !== undefined) return stored;
  if (field.i18n) return {};
  return defaultValue(field);
}
