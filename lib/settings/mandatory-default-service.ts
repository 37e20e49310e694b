import { ident, vtql } from "@/lib/vtiger/vtql";
import { VtigerApiError } from "@/lib/vtiger/errors";
import { UserFacingError } from "@/lib/actions/result";
import { i18nMessage } from "@/lib/i18n/encoded";
import type { CrmModule } from "@/lib/sync/filled-fields";
import { ensureConnection } from "./connection";
import { crmClientFor } from "./crm-client";
import { parseStoredProbe, type MandatoryField } from "./crm-snapshot";
import { defaultProblem, ORDER_DATE } from "./default-value";
import { saveDefault, storedDefaults, mandatoryDefaultRows } from "./mandatory-defaults";

async function fieldInSnapshot(module: CrmModule, fieldName: string) {
  const connection = await ensureConnection();
  const snapshot = parseStoredProbe(connection.crmLastTestJson)?.snapshot;
  const row = snapshot
    ? mandatoryDefaultRows(snapshot, await storedDefaults(connection.id), connection).find((r) => r.module === module && r.field.name === fieldName)
    : undefined;
  if (!snapshot || !row) throw new UserFacingError(i18nMessage("defaults.unknownField", { field: fieldName, module }));
  return { connection, snapshot, field: row.field };
}

/** Modules a reference default may point to, and how their records are named. */
function targetModules(field: MandatoryField): string[] {
  return field.type === "owner" ? ["Users", "Groups"] : (field.refersTo ?? []);
}

const LABEL_FIELDS: Record<string, string[]> = { Users: ["user_name", "first_name", "last_name"], Groups: ["groupname"] };

export async function saveMandatoryDefault(input: { module: CrmModule; field: string; value: string; label?: string }) {
  const { connection, snapshot, field } = await fieldInSnapshot(input.module, input.field);
  const value = input.value.trim();
  const problem = defaultProblem(field, value, snapshot.idPrefixes);
  if (problem) throw new UserFacingError(problem, { value: problem });
  let label: string | null = null;
  if (field.type === "reference" || field.type === "owner") {
    // vtiger stores a dangling reference silently (reference §10.1), so check the record exists.
    try {
      const record = await crmClientFor(connection).retrieve(value);
      label = String(record.label ?? input.label ?? value);
    } catch (err) {
      if (err instanceof VtigerApiError && (err.code === "ACCESS_DENIED" || err.code === "RECORD_NOT_FOUND" || err.code === "INVALID_ID_ATTRIBUTE")) {
        throw new UserFacingError(i18nMessage("defaults.recordGone"), { value: i18nMessage("defaults.recordGone") });
      }
      throw err;
    }
  }
  await saveDefault(connection.id, { module: input.module, field: field.name, value: value === ORDER_DATE ? ORDER_DATE : value, label });
  return { module: input.module, field: field.name, value, label };
}

/** Up to 10 CRM records per target module whose name contains the text typed. */
export async function searchReferenceRecords(input: { module: CrmModule; field: string; q: string }) {
  const { connection, field } = await fieldInSnapshot(input.module, input.field);
  const client = crmClientFor(connection);
  const results: { id: string; label: string; module: string }[] = [];
  for (const module of targetModules(field)) {
    const labelFields = LABEL_FIELDS[module] ?? [...(await client.describe(module)).labelFields];
    if (labelFields.length === 0) continue;
    const pattern = `%${input.q}%`;
    const where = labelFields.map((f) => vtql`${ident(f)} LIKE ${pattern}`).join(" OR ");
    const rows = await client.query(`${vtql`SELECT ${ident(...labelFields)} FROM ${ident(module)}`} WHERE ${where} LIMIT 10;`);
    for (const row of rows) {
      results.push({ id: String(row.id), module, label: labelFields.map((f) => String(row[f] ?? "")).filter(Boolean).join(" ") });
    }
  }
  return results;
}
