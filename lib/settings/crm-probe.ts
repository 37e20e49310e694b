import { VtigerClient } from "@/lib/vtiger/client";
import {
  describeVtigerError,
  VtigerApiError,
  VtigerHttpError,
  VtigerNetworkError,
  VtigerProtocolError,
  VtigerTimeoutError,
  VtigerUrlError,
} from "@/lib/vtiger/errors";
import { normaliseVtigerUrl } from "@/lib/vtiger/url";
import { i18nMessage } from "@/lib/i18n/encoded";
import { CRM_MODULES, type CrmModule } from "@/lib/sync/filled-fields";
import type { CrmCredentials } from "./connection";
import type { CrmSnapshot, ModuleProbe, ProbeResult, ProbeStep, ProbeStepId } from "./crm-snapshot";
import { PROBE_STEPS } from "./crm-snapshot";

const LEAD_SOURCE_VALUE = "Prestashop";

/** Which step a failure to sign in belongs to: the host, the software behind it, or the credentials. */
function failedStepOf(err: unknown): ProbeStepId {
  if (err instanceof VtigerUrlError) return "url";
  if (err instanceof VtigerNetworkError || err instanceof VtigerTimeoutError) return "reach";
  if (err instanceof VtigerHttpError || err instanceof VtigerProtocolError) return "vtiger";
  if (err instanceof VtigerApiError) return "credentials";
  return "reach";
}

/**
 * "Validate and test": walks the steps a working connection needs, stops at the first failing one
 * and says which it is and how to fix it. On success it also returns the snapshot of what the CRM
 * offers (permissions, mandatory fields, picklists) for the other tabs.
 */
export async function probeCrm(creds: CrmCredentials, options: { timeoutMs?: number } = {}): Promise<ProbeResult> {
  const steps: ProbeStep[] = [];
  const testedAt = new Date().toISOString();
  const finish = (snapshot?: CrmSnapshot): ProbeResult => {
    for (const id of PROBE_STEPS) {
      if (!steps.some((s) => s.id === id)) steps.push({ id, status: "skipped", message: i18nMessage("probe.skipped") });
    }
    return { ok: steps.every((s) => s.status === "ok" || s.status === "warn"), testedAt, steps, ...(snapshot ? { snapshot } : {}) };
  };
  const fail = (id: ProbeStepId, err: unknown) => {
    for (const earlier of PROBE_STEPS.slice(0, PROBE_STEPS.indexOf(id))) {
      if (!steps.some((s) => s.id === earlier)) steps.push({ id: earlier, status: "ok", message: i18nMessage(`probe.${earlier}Ok`, { url: creds.url }) });
    }
    const help = describeVtigerError(err);
    steps.push({ id, status: "error", message: help.message, fix: help.fix });
    return finish();
  };

  let url: string;
  try {
    url = normaliseVtigerUrl(creds.url);
  } catch (err) {
    return fail("url", err);
  }
  steps.push({ id: "url", status: "ok", message: i18nMessage("probe.urlOk", { url }) });

  const client = new VtigerClient({ url, username: creds.username, accessKey: creds.accessKey, timeoutMs: options.timeoutMs ?? 15_000 });
  let login;
  try {
    login = await client.loginInfo();
  } catch (err) {
    return fail(failedStepOf(err), err);
  }
  steps.push({ id: "reach", status: "ok", message: i18nMessage("probe.reachOk") });
  steps.push({ id: "vtiger", status: "ok", message: i18nMessage("probe.vtigerOk") });
  steps.push({
    id: "credentials",
    status: "ok",
    message: i18nMessage("probe.credentialsOk", { user: String(login.username ?? creds.username), version: login.vtigerVersion }),
  });

  let modules: Record<CrmModule, ModuleProbe>;
  const idPrefixes: Record<string, string> = { Users: login.userId.split("x")[0] ?? "19" };
  try {
    const types = new Set((await client.listTypes()).types);
    const entries = await Promise.all(
      CRM_MODULES.map(async (name): Promise<[CrmModule, ModuleProbe]> => {
        if (!types.has(name)) {
          return [name, { visible: false, permissions: { create: false, update: false, delete: false, retrieve: false }, mandatory: [] }];
        }
        const d = await client.describe(name, { refresh: true });
        idPrefixes[name] = d.idPrefix;
        return [
          name,
          {
            visible: true,
            label: d.label,
            idPrefix: d.idPrefix,
            permissions: d.permissions,
            mandatory: d.mandatoryFields.map((f) => ({
              name: f.name,
              label: f.label ?? f.name,
              type: f.type.name,
              ...(f.type.picklistValues ? { picklistValues: f.type.picklistValues.map((p) => p.value) } : {}),
              ...(f.type.refersTo ? { refersTo: f.type.refersTo } : {}),
            })),
          },
        ];
      }),
    );
    modules = Object.fromEntries(entries) as Record<CrmModule, ModuleProbe>;
  } catch (err) {
    return fail("modules", err);
  }
  const problems = moduleProblems(modules);
  steps.push(
    problems.errors.length > 0
      ? { id: "modules", status: "error", message: i18nMessage("probe.modulesProblem"), details: [...problems.errors, ...problems.warnings], fix: i18nMessage("probe.fixPermissions") }
      : problems.warnings.length > 0
        ? { id: "modules", status: "warn", message: i18nMessage("probe.modulesOk"), details: problems.warnings }
        : { id: "modules", status: "ok", message: i18nMessage("probe.modulesOk") },
  );

  let currencyDecimals: number | null = null;
  try {
    const user = await client.retrieve(login.userId);
    const raw = user["no_of_currency_decimals"];
    // vtiger stores NULL for the installer's admin, which it treats as 0 (reference §10.1).
    currencyDecimals = raw === undefined ? null : Number(raw || 0);
  } catch (err) {
    return fail("user", err);
  }
  const picklist = async (module: CrmModule, field: string) => (modules[module].visible ? (await client.describe(module)).picklistValues(field) : undefined);
  const leadSources = await picklist("Leads", "leadsource");
  const statusValues = { salesOrder: (await picklist("SalesOrder", "sostatus")) ?? [], invoice: (await picklist("Invoice", "invoicestatus")) ?? [] };
  const leadSourceHasPrestashop = leadSources ? leadSources.some((v) => v.toLowerCase() === LEAD_SOURCE_VALUE.toLowerCase()) : null;
  const userWarn = currencyDecimals === 0 || leadSourceHasPrestashop === false;
  steps.push({
    id: "user",
    status: userWarn ? "warn" : "ok",
    message: i18nMessage("probe.userOk", { decimals: currencyDecimals ?? "?", present: leadSourceHasPrestashop ? "✓" : "✗" }),
  });

  return finish({
    vtigerVersion: login.vtigerVersion,
    userId: login.userId,
    userName: String(login.username ?? creds.username),
    isAdmin: login.is_admin === "on" || login.is_admin === "1",
    currencyDecimals,
    leadSourceHasPrestashop,
    statusValues,
    modules,
    idPrefixes,
  });
}

/** Missing create/update/retrieve stops the connector (error); missing delete only limits clean-up (warning). */
export function moduleProblem(name: CrmModule, m: ModuleProbe): { level: "error" | "warn"; message: string } | null {
  if (!m.visible) return { level: "error", message: i18nMessage("details.moduleMissing", { module: name }) };
  const missing = (["create", "update", "retrieve", "delete"] as const).filter((right) => !m.permissions[right]);
  if (missing.length === 0) return null;
  return {
    level: missing.some((r) => r !== "delete") ? "error" : "warn",
    message: i18nMessage("details.permissionMissing", { module: name, missing: missing.join(", ") }),
  };
}

export function moduleProblems(modules: Record<CrmModule, ModuleProbe>): { errors: string[]; warnings: string[] } {
  const problems = CRM_MODULES.map((name) => moduleProblem(name, modules[name])).filter((p) => p !== null);
  return {
    errors: problems.filter((p) => p.level === "error").map((p) => p.message),
    warnings: problems.filter((p) => p.level === "warn").map((p) => p.message),
  };
}
