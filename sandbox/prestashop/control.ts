/**
 * Driving the sandbox: its knobs, a reset to the generated shop, request statistics, and the same
 * operations over HTTP under /_sandbox/ for tests and demos that run the sandbox as a process.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ACTION_NAMES, type ActionName } from "./actions.ts";
import type { ShopEmitter } from "./emitter.ts";
import { generateShop, type GenerateOptions } from "./generate.ts";
import { LANG_FR } from "./install-data.ts";
import { configPatchSchema, type KeyAccount, type PrestashopSandboxConfigPatch, type PrestashopSandboxKnobs } from "./knobs.ts";
import { ActionRefused } from "./refusal.ts";
import { RESOURCES } from "./resources.ts";
import { Random } from "./random.ts";
import type { ShopData } from "./store.ts";
import { shopDateTime } from "./clock.ts";

export interface SandboxStats {
  total: number;
  /** Webservice requests per resource ("" is the root listing). */
  byResource: Record<string, number>;
}

export interface SandboxStateView {
  version: PrestashopSandboxKnobs["version"];
  webserviceEnabled: boolean;
  languages: number;
  latencyMs: number;
  failureRate: number;
  seed: number;
  webhookUrl: string | null;
  webhookSecretSet: boolean;
  keys: Record<string, KeyAccount>;
  /** Rows per served resource. */
  counts: Record<string, number>;
}

export class PrestashopSandboxControl {
  private current: ShopData;
  private settings: PrestashopSandboxKnobs;
  private readonly requests = new Map<string, number>();
  /** Draws of the emitter's actions and of injected failures: both restart with the seed. */
  private actionRandom: Random;
  private faultRandom: Random;

  constructor(
    private readonly generation: GenerateOptions,
    private readonly initialKnobs: PrestashopSandboxKnobs,
  ) {
    this.current = generateShop(generation);
    this.settings = structuredClone(initialKnobs);
    this.actionRandom = new Random(initialKnobs.seed);
    this.faultRandom = new Random(initialKnobs.seed);
  }

  get random(): Random {
    return this.actionRandom;
  }

  /** Whether this webservice call fails with the injected HTTP 500. */
  shouldFail(): boolean {
    return this.settings.failureRate > 0 && this.faultRandom.chance(this.settings.failureRate);
  }

  /** The shop's data, for tests that check what an action changed. */
  get shop(): ShopData {
    return this.current;
  }

  get knobs(): Readonly<PrestashopSandboxKnobs> {
    return this.settings;
  }

  state(): SandboxStateView {
    const { version, latencyMs, failureRate, seed, webhookUrl, webhookSecret, keys } = this.settings;
    return {
      version,
      webserviceEnabled: this.current.configurationInt("PS_WEBSERVICE") === 1,
      languages: this.current.languageIds().length,
      latencyMs,
      failureRate,
      seed,
      webhookUrl,
      webhookSecretSet: webhookSecret !== null,
      keys: structuredClone(keys),
      counts: Object.fromEntries([...RESOURCES.keys()].map((name) => [name, this.current.table(name).size])),
    };
  }

  /** Applies any subset of the knobs; throws a ZodError or ActionRefused on invalid input. */
  configure(patch: PrestashopSandboxConfigPatch): void {
    const { webserviceEnabled, languages, keys, ...knobs } = configPatchSchema.parse(patch);
    for (const [key, change] of Object.entries(keys ?? {})) {
      const unknown = Object.keys(change?.permissions ?? {}).filter((resource) => !RESOURCES.has(resource));
      if (unknown.length > 0) throw new ActionRefused(`The sandbox does not serve: ${unknown.join(", ")}`);
      if (change === null) delete this.settings.keys[key];
      else {
        const account = this.settings.keys[key] ?? { active: true, permissions: {} };
        this.settings.keys[key] = { ...account, ...change, permissions: change.permissions ?? account.permissions };
      }
    }
    Object.assign(this.settings, knobs);
    if (knobs.seed !== undefined) this.reseed(knobs.seed);
    const now = shopDateTime(new Date(), this.current.configuration("PS_TIMEZONE") ?? "UTC");
    if (webserviceEnabled !== undefined) this.current.setConfiguration("PS_WEBSERVICE", webserviceEnabled ? "1" : "0", now);
    if (languages !== undefined) this.current.table("languages").update(LANG_FR, { active: languages === 2 ? 1 : 0 });
  }

  /** Back to the generated shop and the start-up knobs; statistics cleared. */
  reset(): void {
    this.current = generateShop(this.generation);
    this.settings = structuredClone(this.initialKnobs);
    this.reseed(this.settings.seed);
    this.requests.clear();
  }

  private reseed(seed: number): void {
    this.actionRandom = new Random(seed);
    this.faultRandom = new Random(seed);
  }

  countRequest(resource: string): void {
    this.requests.set(resource, (this.requests.get(resource) ?? 0) + 1);
  }

  stats(): SandboxStats {
    const byResource = Object.fromEntries(this.requests);
    return { total: Object.values(byResource).reduce((sum, n) => sum + n, 0), byResource };
  }
}

const MAX_CONTROL_BODY = 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_CONTROL_BODY) throw new ActionRefused("Body too large");
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ActionRefused("The body is not JSON");
  }
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(value));
}

/** Handles `/_sandbox/<route>`; `route` is the part after the prefix. */
export async function handleControl(
  route: string,
  request: IncomingMessage,
  response: ServerResponse,
  control: PrestashopSandboxControl,
  emitter: ShopEmitter,
): Promise<void> {
  const method = request.method ?? "GET";
  try {
    if (method === "GET" && route === "state") return send(response, 200, control.state());
    if (method === "GET" && route === "stats") return send(response, 200, control.stats());
    if (method === "POST" && route === "config") {
      control.configure((await readJson(request)) as PrestashopSandboxConfigPatch);
      return send(response, 200, control.state());
    }
    if (method === "POST" && route === "reset") {
      control.reset();
      return send(response, 200, control.state());
    }
    const action = /^actions\/([a-z-]+)$/.exec(route)?.[1];
    if (method === "POST" && action && (ACTION_NAMES as string[]).includes(action)) {
      const emitted = await emitter.perform(action as ActionName, await readJson(request));
      const connectorStatus = emitted.deliveries[0]?.status ?? null;
      return send(response, 200, { ...emitted, connectorStatus });
    }
    send(response, 404, { error: `No control endpoint ${method} /_sandbox/${route}` });
  } catch (error) {
    if (error instanceof z.ZodError) return send(response, 400, { error: z.prettifyError(error) });
    if (error instanceof ActionRefused) return send(response, 400, { error: error.message });
    throw error;
  }
}
