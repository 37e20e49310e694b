/**
 * The `display` parameter (WebserviceRequest::setFieldsToDisplay / parseDisplayFields): "full",
 * "minimum", or `[field,association[sub,fields]]`. Fields are rendered in resource order, not in the
 * order asked; associations only when one is asked with sub-fields (or with "full").
 */
import { errors } from "./errors.ts";
import type { ResourceDef } from "./schema.ts";
import type { PsVersion } from "./versions.ts";

/** Field name → null, or association name → the sub-fields asked. */
export type FieldSelection = ReadonlyMap<string, readonly string[] | null>;
export type Display = "full" | "minimum" | FieldSelection;

/** parseDisplayFields: split on top-level commas, then `name[a,b]` into name → [a, b]. */
function parseFieldList(list: string): Map<string, string[] | null> {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
    if (ch === "[") depth++;
    if (ch === "]") depth--;
  }
  if (current !== "") parts.push(current);
  const fields = new Map<string, string[] | null>();
  for (const part of parts) {
    const open = part.indexOf("[");
    const name = (open < 0 ? part : part.slice(0, open)).trim();
    if (!fields.has(name)) fields.set(name, null);
    if (open >= 0) {
      const sub = part.slice(open + 1, part.length - 1).split(",");
      fields.set(name, [...(fields.get(name) ?? []), ...sub]);
    }
  }
  return fields;
}

/** var_export() of a list of strings, as error #35 prints it. */
function varExport(values: readonly string[]): string {
  return `array (\n${values.map((v, i) => `  ${i} => '${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}',\n`).join("")})`;
}

/**
 * @param knownFields every field name of the resource configuration, hidden ones and `date=1`
 *   additions included: the list error #35/#36 print
 */
export function parseDisplay(
  raw: unknown,
  fallback: "full" | "minimum",
  resource: ResourceDef,
  knownFields: readonly string[],
  version: PsVersion,
): Display {
  if (raw === undefined) return fallback;
  if (raw === "full" || raw === "minimum") return raw;
  const match = typeof raw === "string" ? /^\[(.*)\]$/.exec(raw) : null;
  if (!match) throw errors.displaySyntax(knownFields);
  const selection = parseFieldList(match[1] ?? "");
  for (const [name, sub] of selection) {
    if (sub === null) {
      if (!knownFields.includes(name)) throw errors.displayField(name, "", knownFields);
      continue;
    }
    const association = resource.associations.find((a) => a.name === name);
    const subFields = association?.fields(version).map((f) => f.name) ?? [];
    if (!association || sub.some((field) => field !== "id" && !subFields.includes(field))) {
      throw errors.displayField(name, ` (details : ${varExport(sub)})`, knownFields);
    }
  }
  return selection;
}
