/**
 * What WebserviceOutputBuilder hands to the XML and JSON renderers for one object: the selected
 * fields with their PHP-typed values, and the selected associations (renderEntity/renderField).
 */
import type { Display } from "./display.ts";
import {
  fieldsOf,
  isI18nValue,
  readField,
  type AssociationDef,
  type AssociationField,
  type DbValue,
  type FieldDef,
  type ResourceDef,
  type Row,
} from "./schema.ts";
import type { ShopData } from "./store.ts";
import { decimalText } from "./numbers.ts";
import { VERSION_TRAITS, type PsVersion } from "./versions.ts";

/** A value as PHP holds it when the renderer reads it. */
export type PhpScalar = number | string | boolean | null;

export interface FieldView {
  def: FieldDef;
  /** A scalar, or for i18n fields the text per requested language id. */
  value: PhpScalar | Map<number, string>;
}

export interface AssociationElementView {
  /** The element's `id`, for its XML link. */
  id: PhpScalar;
  fields: Array<{ field: AssociationField; value: PhpScalar }>;
}

export interface AssociationView {
  def: AssociationDef;
  elements: AssociationElementView[];
}

export interface EntityView {
  resource: ResourceDef;
  id: number;
  fields: FieldView[];
  /** null when the display does not render associations at all. */
  associations: AssociationView[] | null;
}

/** What a GET produced, before it is written as XML or JSON. */
export type Output =
  | { view: "list"; resource: ResourceDef; ids: number[] }
  | { view: "list"; resource: ResourceDef; entities: EntityView[] }
  /** A detail asked with display=minimum renders like one list element. */
  | { view: "detail"; resource: ResourceDef; id: number }
  /** `displayParam`: the query string has `display` (any value), which changes the JSON envelope. */
  | { view: "detail"; resource: ResourceDef; entity: EntityView; displayParam: boolean };

export interface ViewContext {
  shop: ShopData;
  version: PsVersion;
  languages: readonly number[];
}

/**
 * PHP types of a column value: PDO on PHP < 8.1 returns every column as a string; on 8.1+ ints are
 * ints and DECIMALs strings, and EntityMapper casts bools to strings unless the object came from its
 * cache (preloaded objects). ObjectModel sets `id` itself, always as an int.
 */
function phpValue(field: FieldDef, value: DbValue, native: boolean, preloaded: boolean): PhpScalar {
  if (field.name === "id" || typeof value !== "number") return value;
  if (field.type === "decimal") return decimalText(value, field.scale ?? 6);
  if (!native) return String(value);
  return field.type === "bool" && !preloaded ? String(value) : value;
}

/** renderField: an unset `id_*` value shows as "" (null) or keeps its falsy value, without a link. */
export function isEmptyReference(field: FieldDef, value: PhpScalar | Map<number, string>): boolean {
  return field.name.startsWith("id_") && field.name !== "id" && (value === null || value === 0 || value === "0" || value === "" || value === false);
}

function selectedFields(resource: ResourceDef, version: PsVersion, display: Exclude<Display, "minimum">): FieldDef[] {
  return fieldsOf(resource, version).filter((f) => !f.hidden && (display === "full" || display.has(f.name)));
}

/** Renders rows of one resource for one display (field selection resolved once per request). */
export function entityBuilder(resource: ResourceDef, display: Exclude<Display, "minimum">, ctx: ViewContext): (row: Row) => EntityView {
  const native = VERSION_TRAITS[ctx.version].nativeInts;
  const selected = selectedFields(resource, ctx.version, display);
  const withAssociations = display === "full" || [...display.values()].some((sub) => sub !== null);
  return (row) => {
    const preloaded = resource.preloaded?.(row.id, ctx.shop) ?? false;
    const fields = selected.map((def): FieldView => {
      const stored = readField(def, row, ctx.shop);
      if (isI18nValue(stored)) return { def, value: new Map(ctx.languages.map((id) => [id, stored[id] ?? ""])) };
      const value = phpValue(def, stored, native, preloaded);
      return { def, value: isEmptyReference(def, value) && value === null ? "" : value };
    });
    return {
      resource,
      id: row.id,
      fields,
      associations: withAssociations ? buildAssociations(resource, row, display, ctx, native) : null,
    };
  };
}

function buildAssociations(
  resource: ResourceDef,
  row: Row,
  display: Exclude<Display, "minimum">,
  ctx: ViewContext,
  native: boolean,
): AssociationView[] {
  return resource.associations
    .filter((def) => display === "full" || display.has(def.name))
    .map((def) => {
      const wanted = display === "full" ? null : display.get(def.name);
      const fields = def.fields(ctx.version).filter((f) => !wanted || wanted.includes(f.name));
      const elements = def.rows(row, ctx.shop).map((element) => ({
        id: element.id ?? null,
        fields: fields.map((field) => {
          const value = element[field.name] ?? null;
          return { field, value: typeof value === "number" && !native ? String(value) : value };
        }),
      }));
      return { def, elements };
    });
}
