/**
 * The sandbox's adjustable behaviour ("knobs"): latency, injected faults, session lifetimes and the
 * admin-configurable parts of vtiger (profile permissions, picklists, Layout Editor mandatory flags).
 */
import { z } from "zod";

export interface ModulePermission {
  create: boolean;
  update: boolean;
  delete: boolean;
  retrieve: boolean;
}

export interface VtigerSandboxKnobs {
  /** Added to every webservice call, inside the per-session queue. */
  latencyMs: number;
  /** Probability that a write answers HTTP 500 before anything is stored. */
  failBeforeWrite: number;
  /** Probability that a write is committed but its answer is replaced by HTTP 500. */
  failAfterWrite: number;
  /** Probability that a write hangs without an answer for `timeoutMs` (or until the client hangs up). */
  timeoutRate: number;
  timeoutMs: number;
  /** Apply the three fault rates to every operation, not only create/update/revise/delete. */
  faultsOnAllOps: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Fault knob: every session expires after this many calls (0 = never). */
  sessionMaxCalls: number;
  /** Seed of the deterministic random source behind fault decisions. */
  seed: number;
  /** Fresh installs lack "Prestashop" in leadsource (Leads, Contacts, Potentials). */
  leadSourceHasPrestashop: boolean;
  /** user name (lower case) → module → permission; absent entries mean everything is allowed. */
  permissions: Record<string, Record<string, ModulePermission>>;
  /** module → field → picklist values replacing the fresh-install ones. */
  picklists: Record<string, Record<string, string[]>>;
  /** module → field → mandatory flag (Layout Editor). */
  mandatory: Record<string, Record<string, boolean>>;
}

export const DEFAULT_KNOBS: VtigerSandboxKnobs = {
  latencyMs: 0,
  failBeforeWrite: 0,
  failAfterWrite: 0,
  timeoutRate: 0,
  timeoutMs: 30_000,
  faultsOnAllOps: false,
  sessionIdleMs: 1_800_000,
  sessionMaxMs: 86_400_000,
  sessionMaxCalls: 0,
  seed: 1,
  leadSourceHasPrestashop: false,
  permissions: {},
  picklists: {},
  mandatory: {},
};

const rate = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

const permissionPatch = z
  .object({ create: z.boolean(), update: z.boolean(), delete: z.boolean(), retrieve: z.boolean() })
  .partial();

/** The plain knobs, also accepted as start options. */
export const scalarKnobsSchema = z
  .object({
    latencyMs: nonNegative,
    failBeforeWrite: rate,
    failAfterWrite: rate,
    timeoutRate: rate,
    timeoutMs: nonNegative,
    faultsOnAllOps: z.boolean(),
    sessionIdleMs: nonNegative,
    sessionMaxMs: nonNegative,
    sessionMaxCalls: nonNegative,
    seed: z.number().int(),
    leadSourceHasPrestashop: z.boolean(),
  })
  .partial()
  .strict();

/** Body of POST /_sandbox/config and argument of control.configure(): any subset of the knobs. */
export const configPatchSchema = scalarKnobsSchema.extend({
  /** Sets every user's "Number Of Currency Decimals". */
  currencyDecimals: z.number().int().min(0).max(5).optional(),
  permissions: z.record(z.string(), z.record(z.string(), permissionPatch)).optional(),
  picklists: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
  mandatory: z.record(z.string(), z.record(z.string(), z.boolean())).optional(),
});

/** A patch without the keys explicitly set to undefined (they mean "unchanged"). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export type VtigerSandboxConfigPatch = z.infer<typeof configPatchSchema>;
export type ModulePermissionPatch = z.infer<typeof permissionPatch>;

export const FULL_PERMISSION: ModulePermission = { create: true, update: true, delete: true, retrieve: true };
