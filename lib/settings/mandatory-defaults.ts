import { prisma } from "@/lib/db/prisma";
import { CRM_MODULES, fillCondition, isFilledByConnector, type CrmModule, type FillCondition } from "@/lib/sync/filled-fields";
import type { CrmSnapshot, MandatoryField } from "./crm-snapshot";
import { defaultProblem, proposedDefault } from "./default-value";

export interface MandatoryDefaultRow {
  module: CrmModule;
  field: MandatoryField;
  /** undefined: the connector never fills it; "account"/"potential": only when that switch is on. */
  filledWhen?: Exclude<FillCondition, "always">;
  /** False when the current switches make the connector fill it (the default is then unused). */
  needed: boolean;
  value?: string;
  label?: string;
  problem: string | null;
}

export interface StoredDefault {
  module: string;
  field: string;
  value: string;
  label: string | null;
}

/**
 * Pure: the mandatory fields (from the last CRM snapshot) that the connector does not always fill,
 * with the stored or proposed default and whether it is valid.
 */
export function mandatoryDefaultRows(
  snapshot: CrmSnapshot,
  stored: StoredDefault[],
  switches: { createAccount: boolean; createPotential: boolean },
): MandatoryDefaultRow[] {
  const rows: MandatoryDefaultRow[] = [];
  for (const module of CRM_MODULES) {
    for (const field of snapshot.modules[module].mandatory) {
      const condition = fillCondition(module, field.name);
      if (condition === "always") continue;
      const saved = stored.find((d) => d.module === module && d.field === field.name);
      const value = saved?.value ?? proposedDefault(field);
      const needed = !isFilledByConnector(module, field.name, switches);
      rows.push({
        module,
        field,
        ...(condition ? { filledWhen: condition } : {}),
        needed,
        ...(value !== undefined ? { value } : {}),
        ...(saved?.label ? { label: saved.label } : {}),
        problem: defaultProblem(field, value, snapshot.idPrefixes),
      });
    }
  }
  return rows;
}

/** Modules whose creates would fail now: a needed mandatory field without a valid default. */
export function modulesWithInvalidDefaults(rows: MandatoryDefaultRow[]): Map<CrmModule, string[]> {
  const result = new Map<CrmModule, string[]>();
  for (const row of rows) {
    if (!row.needed || row.problem === null) continue;
    result.set(row.module, [...(result.get(row.module) ?? []), row.field.label]);
  }
  return result;
}

export async function storedDefaults(connectionId: number): Promise<StoredDefault[]> {
  return prisma.mandatoryDefault.findMany({ where: { connectionId }, select: { module: true, field: true, value: true, label: true } });
}

export async function saveDefault(connectionId: number, input: { module: CrmModule; field: string; value: string; label?: string | null }) {
  await prisma.mandatoryDefault.upsert({
    where: { connectionId_module_field: { connectionId, module: input.module, field: input.field } },
    create: { connectionId, module: input.module, field: input.field, value: input.value, label: input.label ?? null },
    update: { value: input.value, label: input.label ?? null },
  });
}
