import { z } from "zod";
import { CRM_MODULES } from "@/lib/sync/filled-fields";

/**
 * What "Validate and test" learned about the CRM, stored with the connection so the Details and
 * Connection tabs render without calling the CRM. Parsed with zod when read back.
 */
export const mandatoryFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  picklistValues: z.array(z.string()).optional(),
  refersTo: z.array(z.string()).optional(),
});
export type MandatoryField = z.infer<typeof mandatoryFieldSchema>;

export const permissionsSchema = z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean(), retrieve: z.boolean() });

export const moduleProbeSchema = z.object({
  visible: z.boolean(),
  label: z.string().optional(),
  idPrefix: z.string().optional(),
  permissions: permissionsSchema,
  mandatory: z.array(mandatoryFieldSchema),
});
export type ModuleProbe = z.infer<typeof moduleProbeSchema>;

export const crmSnapshotSchema = z.object({
  vtigerVersion: z.string(),
  userId: z.string(),
  userName: z.string(),
  isAdmin: z.boolean(),
  currencyDecimals: z.number().nullable(),
  leadSourceHasPrestashop: z.boolean().nullable(),
  modules: z.record(z.enum(CRM_MODULES), moduleProbeSchema),
  /** The CRM's status values, for the order-state mapping (SalesOrder sostatus, Invoice invoicestatus). */
  statusValues: z.object({ salesOrder: z.array(z.string()), invoice: z.array(z.string()) }).optional(),
  /** idPrefix of every module a reference default may point to (Accounts, Contacts, Users…). */
  idPrefixes: z.record(z.string(), z.string()),
});
export type CrmSnapshot = z.infer<typeof crmSnapshotSchema>;

export const PROBE_STEPS = ["url", "reach", "vtiger", "credentials", "modules", "user"] as const;
export type ProbeStepId = (typeof PROBE_STEPS)[number];

export const probeStepSchema = z.object({
  id: z.enum(PROBE_STEPS),
  status: z.enum(["ok", "warn", "error", "skipped"]),
  /** Encoded i18n message or plain text; details list one problem each (e.g. per module). */
  message: z.string(),
  details: z.array(z.string()).optional(),
  fix: z.string().optional(),
});
export type ProbeStep = z.infer<typeof probeStepSchema>;

export const probeResultSchema = z.object({
  ok: z.boolean(),
  testedAt: z.string(),
  steps: z.array(probeStepSchema),
  snapshot: crmSnapshotSchema.optional(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export function parseStoredProbe(json: string | null): ProbeResult | null {
  if (!json) return null;
  const parsed = probeResultSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
