/** What every mapped CRM element shares. */

/** Lead source of the records the connector creates in Leads, Contacts and Potentials (DESIGN §2). */
export const LEAD_SOURCE = "Prestashop";

/** Field values of a CRM record to write; nothing empty is sent (vtiger would store or clear it). */
export type CrmFields = Record<string, string>;

/** The fields with a value: a shop without a value must not erase what the CRM has. */
export function compact(fields: Record<string, string | null | undefined>): CrmFields {
  const kept: CrmFields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value.trim() !== "") kept[name] = value;
  }
  return kept;
}

/** The named fields of an element that it has. */
export function pick(fields: CrmFields, names: readonly string[]): CrmFields {
  return Object.fromEntries(names.flatMap((name) => (fields[name] === undefined ? [] : [[name, fields[name]]])));
}
