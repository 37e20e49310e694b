/**
 * The control interface of the sandbox, in process (VtigerSandboxControl) and over HTTP under /_sandbox/
 * for tests that run the sandbox as a separate process. Never reachable through webservice.php.
 */
import type { Engine, SandboxStats } from "./engine.ts";
import { simulatedModules, wsId } from "./entities.ts";
import { jsonReply, type HttpReply } from "./http.ts";
import {
  configPatchSchema,
  type ModulePermissionPatch,
  type VtigerSandboxConfigPatch,
  type VtigerSandboxKnobs,
} from "./knobs.ts";
import type { StoredRecord } from "./store.ts";
import { currencyDecimals, userById, userByName } from "./users.ts";

export type SandboxRecord = StoredRecord & { wsId: string };

export interface SandboxState {
  /** Live (not deleted) rows per simulated module. */
  counts: Record<string, number>;
  sessions: number;
  knobs: VtigerSandboxKnobs;
  users: Array<{ userName: string; id: string; isAdmin: boolean; currencyDecimals: number }>;
}

export interface VtigerSandboxControl {
  /** Change any subset of the knobs (validated like POST /_sandbox/config). */
  configure(patch: VtigerSandboxConfigPatch): void;
  knobs(): VtigerSandboxKnobs;
  setModulePermission(user: string, module: string, permission: ModulePermissionPatch): void;
  setPicklistValues(module: string, field: string, values: string[]): void;
  setMandatory(module: string, field: string, mandatory: boolean): void;
  /** A user's "Number Of Currency Decimals" (0 on a real fresh install, 2 here by default). */
  setCurrencyDecimals(user: string, decimals: number): void;
  /** Every live session answers SESSION_EXPIRED on its next call. */
  expireAllSessions(): void;
  /** Raw stored rows of a module, deleted ones included. */
  records(module: string): SandboxRecord[];
  state(): SandboxState;
  stats(): SandboxStats;
  resetStats(): void;
  /** Back to a fresh install with the start options (data, sessions, knobs, counters). */
  reset(): void;
}

export function createControl(engine: Engine): VtigerSandboxControl {
  const control: VtigerSandboxControl = {
    configure: (patch) => engine.configure(configPatchSchema.parse(patch)),
    knobs: () => structuredClone(engine.knobs),
    setModulePermission: (user, module, permission) =>
      control.configure({ permissions: { [user]: { [module]: permission } } }),
    setPicklistValues: (module, field, values) => control.configure({ picklists: { [module]: { [field]: values } } }),
    setMandatory: (module, field, mandatory) => control.configure({ mandatory: { [module]: { [field]: mandatory } } }),
    setCurrencyDecimals: (user, decimals) => {
      const found = userByName(engine.store, user);
      if (!found) throw new Error(`unknown user ${user}`);
      found.record.fields.no_of_currency_decimals = String(decimals);
      engine.store.changed(found.record);
    },
    expireAllSessions: () => engine.auth.expireAll(),
    records: (module) =>
      engine.store.all(module).map((record) => ({ ...structuredClone(record), wsId: wsId(module, record.id) })),
    state: () => ({
      counts: Object.fromEntries(
        simulatedModules().map((module) => [module, engine.store.all(module).filter((r) => !r.deleted).length]),
      ),
      sessions: engine.auth.sessionCount,
      knobs: structuredClone(engine.knobs),
      users: engine.store.all("Users").flatMap((record) => {
        const user = userById(engine.store, record.id);
        if (!user) return [];
        const id = wsId("Users", user.id);
        return [{ userName: user.userName, id, isAdmin: user.isAdmin, currencyDecimals: currencyDecimals(user) }];
      }),
    }),
    stats: () => structuredClone(engine.stats),
    resetStats: () => engine.resetStats(),
    reset: () => engine.reset(),
  };
  return control;
}

const OK = { ok: true };

/** The HTTP face of the control interface; `body` is the raw request body (JSON for config). */
export function controlRequest(control: VtigerSandboxControl, method: string, path: string, body: string): HttpReply {
  const routes: Record<string, () => unknown> = {
    "GET /_sandbox/state": () => control.state(),
    "GET /_sandbox/stats": () => control.stats(),
    "POST /_sandbox/config": () => {
      control.configure(JSON.parse(body || "{}") as VtigerSandboxConfigPatch);
      return control.state();
    },
    "POST /_sandbox/reset": () => (control.reset(), OK),
    "POST /_sandbox/expire-sessions": () => (control.expireAllSessions(), OK),
    "POST /_sandbox/stats/reset": () => (control.resetStats(), OK),
  };
  const route = `${method} ${path}`;
  try {
    const handler = routes[route];
    if (handler) return jsonReply(200, handler());
    const module = /^GET \/_sandbox\/records\/(\w+)$/.exec(route)?.[1];
    if (module) return jsonReply(200, control.records(module));
    return jsonReply(404, { error: `no control endpoint ${route}` });
  } catch (error) {
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
