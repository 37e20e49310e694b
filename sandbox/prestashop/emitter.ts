/**
 * The shop module's side of the webhook contract: perform a shop action, then POST the thin event to
 * the connector, signed with `X-Connector-Signature` (lib/webhooks). Tests can hold events back and
 * deliver them later, twice, or late.
 */
import { randomUUID } from "node:crypto";
import { SIGNATURE_HEADER, type WebhookBody } from "../../lib/webhooks/contract";
import { signWebhook } from "../../lib/webhooks/signature";
import { performAction, type ActionName, type ActionParams, type ShopEvent } from "./actions.ts";
import { shopDateTime } from "./clock.ts";
import type { PrestashopSandboxKnobs } from "./knobs.ts";
import { phpJsonEncode } from "./php-json.ts";
import type { Random } from "./random.ts";
import { buildScript, type ScriptedDelivery, type ScriptOptions } from "./script.ts";
import type { ShopData } from "./store.ts";

const DELIVERY_TIMEOUT_MS = 10_000;

export interface Delivery {
  /** The connector's HTTP status; null when the request failed or nothing could be sent. */
  status: number | null;
  error?: string;
}

export interface EmittedAction {
  action: ActionName;
  result: Record<string, string | number | null>;
  event: WebhookBody;
  /** One entry per POST; empty when no webhook URL is configured or delivery was deferred. */
  deliveries: Delivery[];
}

export interface EmitOptions {
  /** false: change the shop and return the event without posting it (deliver it later yourself). */
  deliver?: boolean;
}

export interface DeliverOptions {
  /** POST the same event twice in a row (same id), as a module retrying after a lost answer. */
  duplicate?: boolean;
  delayMs?: number;
}

export interface EmitterSource {
  shop: () => ShopData;
  knobs: () => PrestashopSandboxKnobs;
  /** Draws missing action parameters (seeded, so a replayed test performs the same actions). */
  random: () => Random;
  now?: () => Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ShopEmitter {
  constructor(private readonly source: EmitterSource) {}

  signUp(params: ActionParams<"sign-up"> = {}, options?: EmitOptions) {
    return this.perform("sign-up", params, options);
  }

  login(params: ActionParams<"login"> = {}, options?: EmitOptions) {
    return this.perform("login", params, options);
  }

  placeOrder(params: ActionParams<"place-order"> = {}, options?: EmitOptions) {
    return this.perform("place-order", params, options);
  }

  changeStatus(params: ActionParams<"change-status"> = {}, options?: EmitOptions) {
    return this.perform("change-status", params, options);
  }

  removeLine(params: ActionParams<"remove-line"> = {}, options?: EmitOptions) {
    return this.perform("remove-line", params, options);
  }

  createProduct(params: ActionParams<"create-product"> = {}, options?: EmitOptions) {
    return this.perform("create-product", params, options);
  }

  /** Any action by name, with unvalidated parameters (the control endpoint's entry point). */
  async perform(action: ActionName, params: unknown, options: EmitOptions = {}): Promise<EmittedAction> {
    const outcome = performAction(action, params, { shop: this.source.shop(), random: this.source.random(), at: this.shopNow() });
    const event = this.envelope(outcome.event);
    const deliveries = options.deliver === false || !this.source.knobs().webhookUrl ? [] : await this.deliver(event);
    return { action, result: outcome.result, event, deliveries };
  }

  /**
   * Performs `count` actions now and returns their deliveries, possibly duplicated and reordered
   * (see ScriptOptions); `play` posts them.
   */
  script(count: number, options: ScriptOptions = {}): ScriptedDelivery[] {
    return buildScript(count, options, { shop: this.source.shop(), at: () => this.shopNow(), envelope: (e) => this.envelope(e) });
  }

  async play(stream: readonly ScriptedDelivery[]): Promise<Delivery[]> {
    const deliveries: Delivery[] = [];
    for (const item of stream) deliveries.push(...(await this.deliver(item.event)));
    return deliveries;
  }

  /** POSTs an event (freshly signed for each POST) to the configured webhook URL. */
  async deliver(event: WebhookBody, options: DeliverOptions = {}): Promise<Delivery[]> {
    if (options.delayMs) await sleep(options.delayMs);
    const first = await this.post(event);
    return options.duplicate ? [first, await this.post(event)] : [first];
  }

  private async post(event: WebhookBody): Promise<Delivery> {
    const { webhookUrl, webhookSecret } = this.source.knobs();
    if (!webhookUrl) return { status: null, error: "No webhook URL is configured." };
    if (!webhookSecret) return { status: null, error: "No webhook secret is configured." };
    // What the PHP module sends: json_encode($payload, JSON_UNESCAPED_UNICODE).
    const body = phpJsonEncode(event);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    try {
      const response = await fetch(webhookUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", [SIGNATURE_HEADER]: signWebhook(webhookSecret, body, timestamp) },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return { status: response.status };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private envelope(event: ShopEvent): WebhookBody {
    return { id: randomUUID(), occurredAt: this.now().toISOString(), ...event } as WebhookBody;
  }

  private now(): Date {
    return this.source.now?.() ?? new Date();
  }

  private shopNow(): string {
    return shopDateTime(this.now(), this.source.shop().configuration("PS_TIMEZONE") ?? "UTC");
  }
}
