import { i18nMessage } from "@/lib/i18n/encoded";
import type { MandatoryField } from "./crm-snapshot";

/** Token stored for date fields that take the order's date at sync time. */
export const ORDER_DATE = "@orderDate";

/** DESIGN §2 (R10): the value a mandatory field starts with before the admin changes it. */
export function proposedDefault(field: MandatoryField): string | undefined {
  switch (field.type) {
    case "picklist":
    case "multipicklist":
      return field.picklistValues?.[0];
    case "date":
      return ORDER_DATE;
    case "reference":
    case "owner":
      return undefined; // a CRM record must be chosen by the admin
    case "boolean":
      return "0";
    case "integer":
    case "double":
    case "currency":
      return "0";
    default:
      return "--None--";
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * Why a default cannot be used for this field, or null when it can. Pure: reference defaults are
 * checked here for shape and module (idPrefixes from the snapshot); existence is checked on save.
 */
export function defaultProblem(field: MandatoryField, value: string | undefined, idPrefixes: Record<string, string>): string | null {
  const v = value?.trim() ?? "";
  if (v === "") return i18nMessage(field.type === "reference" || field.type === "owner" ? "defaults.chooseRecord" : "defaults.required");
  switch (field.type) {
    case "picklist":
      return field.picklistValues && !field.picklistValues.includes(v)
        ? i18nMessage("defaults.notInPicklist", { value: v, values: field.picklistValues.join(", ") })
        : null;
    case "multipicklist": {
      const bad = v.split(" |##| ").find((part) => field.picklistValues && !field.picklistValues.includes(part));
      return bad ? i18nMessage("defaults.notInPicklist", { value: bad, values: (field.picklistValues ?? []).join(", ") }) : null;
    }
    case "date":
      return v === ORDER_DATE || isIsoDate(v) ? null : i18nMessage("defaults.notADate");
    case "integer":
      return /^-?\d+$/.test(v) ? null : i18nMessage("defaults.notAnInteger");
    case "double":
    case "currency":
      return /^-?\d+(\.\d+)?$/.test(v) ? null : i18nMessage("defaults.notANumber");
    case "boolean":
      return v === "0" || v === "1" ? null : i18nMessage("defaults.notABoolean");
    case "reference":
    case "owner": {
      const modules = field.type === "owner" ? ["Users", "Groups"] : (field.refersTo ?? []);
      const prefixes = modules.map((m) => idPrefixes[m] ?? (m === "Groups" ? "20" : undefined)).filter(Boolean);
      const prefix = /^(\d+)x\d+$/.exec(v)?.[1];
      return prefix && prefixes.includes(prefix) ? null : i18nMessage("defaults.wrongModule", { modules: modules.join(", ") });
    }
    default:
      return v.length > 255 ? i18nMessage("defaults.tooLong") : null;
  }
}
