/**
 * WebserviceOutputJSON: `{"customers":[{"id":1}]}` lists, `{"customer":{…}}` details (or the plural
 * list when the query string has `display` at all), `[]` for nothing, and from 8.0 the array_filter
 * that drops falsy top-level fields of a detail (reference §6.2–6.4).
 */
import type { EntityView, Output } from "./entity-view.ts";
import type { WsErrorEntry } from "./errors.ts";
import { phpJsonEncode, phpTruthy } from "./php-json.ts";
import { VERSION_TRAITS, type PsVersion } from "./versions.ts";

type JsonObject = Record<string, unknown>;

function entityJson(entity: EntityView): JsonObject {
  const json: JsonObject = {};
  for (const { def, value } of entity.fields) {
    if (value instanceof Map) {
      const values = [...value].map(([id, text]) => ({ id, value: text }));
      json[def.name] = values.length === 1 ? values[0]?.value : values;
    } else json[def.name] = value;
  }
  const associations: JsonObject = {};
  for (const { def, elements } of entity.associations ?? []) {
    if (elements.length === 0) continue;
    associations[def.name] = elements.map((element) =>
      Object.fromEntries(element.fields.map(({ field, value }) => [field.name, value])),
    );
  }
  if (Object.keys(associations).length > 0) json.associations = associations;
  return json;
}

function content(output: Output): JsonObject {
  const { name, node } = output.resource;
  if (output.view === "list") {
    const items = "ids" in output ? output.ids.map((id) => ({ id })) : output.entities.map(entityJson);
    return items.length > 0 ? { [name]: items } : {};
  }
  if ("id" in output) return { [name]: [{ id: output.id }] };
  return output.displayParam ? { [name]: [entityJson(output.entity)] } : { [node]: entityJson(output.entity) };
}

/** array_walk + array_filter on each top-level item (8.0+). */
function dropFalsy(json: JsonObject): JsonObject {
  const filtered: JsonObject = {};
  for (const [key, item] of Object.entries(json)) {
    filtered[key] = Array.isArray(item)
      ? item.filter(phpTruthy)
      : Object.fromEntries(Object.entries(item as JsonObject).filter(([, value]) => phpTruthy(value)));
  }
  return filtered;
}

export function renderJson(output: Output, version: PsVersion): string {
  const json = content(output);
  if (Object.keys(json).length === 0) return "[]";
  return phpJsonEncode(VERSION_TRAITS[version].dropsFalsyInJson ? dropFalsy(json) : json);
}

export function renderJsonErrors(errors: readonly WsErrorEntry[]): string {
  return phpJsonEncode({ errors: errors.map(({ code, message }) => ({ code, message })) });
}

/**
 * The root listing: renderNodeHeader appends each resource name to the content. 8.x then feeds those
 * strings to array_filter and dies with a TypeError (reference §6.2), so callers must crash instead.
 */
export function renderJsonRoot(resources: readonly string[]): string {
  return phpJsonEncode(resources);
}
