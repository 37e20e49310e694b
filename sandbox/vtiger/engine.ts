/**
 * The sandbox's state and services, independent of HTTP: data store, schema, sessions, knobs, fault
 * source and call counters. server.ts exposes it over HTTP, control.ts as the control interface.
 */
import { Auth, type Session } from "./auth.ts";
import type { OpContext } from "./context.ts";
import { FaultInjector, type Fault } from "./faults.ts";
import { definedOnly, FULL_PERMISSION, type VtigerSandboxConfigPatch, type VtigerSandboxKnobs } from "./knobs.ts";
import { Persistence } from "./persistence.ts";
import { RecordView } from "./record-view.ts";
import { Schema } from "./schema.ts";
import { freshInstall, type SeedOptions } from "./seed.ts";
import { Store } from "./store.ts";
import type { WsEnvironment } from "./webservice.ts";

export interface SandboxStats {
  /** Webservice calls per (lower-cased) operation name, "" for requests without one. */
  calls: Record<string, number>;
  total: number;
  faults: Record<Exclude<Fault, "none">, number>;
}

export interface EngineOptions {
  seed: SeedOptions;
  knobs: VtigerSandboxKnobs;
  persistFile?: string;
}

const emptyStats = (): SandboxStats => ({
  calls: {},
  total: 0,
  faults: { failBeforeWrite: 0, failAfterWrite: 0, timeout: 0 },
});

export class Engine implements WsEnvironment {
  knobs: VtigerSandboxKnobs;
  readonly store: Store;
  readonly schema = new Schema(() => this.knobs);
  readonly view: RecordView;
  readonly auth: Auth;
  readonly faults: FaultInjector;
  stats = emptyStats();
  private readonly persistence: Persistence | undefined;

  constructor(private readonly options: EngineOptions) {
    this.knobs = structuredClone(options.knobs);
    this.persistence = options.persistFile
      ? new Persistence(options.persistFile, () => this.store.snapshot())
      : undefined;
    this.store = new Store(this.persistence?.load() ?? freshInstall(options.seed), () => this.persistence?.schedule());
    this.view = new RecordView(this.store, this.schema);
    this.auth = new Auth(this.store, () => this.knobs);
    this.faults = new FaultInjector(this.knobs.seed);
  }

  context(session: Session): OpContext {
    const { store, schema, view, knobs } = this;
    return { store, schema, view, knobs, user: this.auth.userOf(session), now: new Date() };
  }

  configure(patch: VtigerSandboxConfigPatch): void {
    const { permissions, picklists, mandatory, currencyDecimals, ...scalars } = patch;
    Object.assign(this.knobs, definedOnly(scalars));
    if (scalars.seed !== undefined) this.faults.reseed(scalars.seed);
    for (const [user, modules] of Object.entries(permissions ?? {})) {
      for (const [module, permission] of Object.entries(modules)) {
        const current = this.knobs.permissions[user.toLowerCase()]?.[module] ?? FULL_PERMISSION;
        (this.knobs.permissions[user.toLowerCase()] ??= {})[module] = { ...current, ...permission };
      }
    }
    for (const [module, fields] of Object.entries(picklists ?? {})) {
      this.knobs.picklists[module] = { ...this.knobs.picklists[module], ...fields };
    }
    for (const [module, fields] of Object.entries(mandatory ?? {})) {
      this.knobs.mandatory[module] = { ...this.knobs.mandatory[module], ...fields };
    }
    if (currencyDecimals !== undefined) {
      for (const user of this.store.all("Users")) {
        user.fields.no_of_currency_decimals = String(currencyDecimals);
        this.store.changed(user);
      }
    }
  }

  /** Back to a fresh install with the start options: data, sessions, knobs, counters. */
  reset(): void {
    this.knobs = structuredClone(this.options.knobs);
    this.faults.reseed(this.knobs.seed);
    this.store.load(freshInstall(this.options.seed));
    this.store.changed();
    this.auth.clear();
    this.resetStats();
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  countCall(operation: string): void {
    this.stats.calls[operation] = (this.stats.calls[operation] ?? 0) + 1;
    this.stats.total++;
  }

  close(): void {
    this.persistence?.close();
  }
}
