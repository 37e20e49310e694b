/**
 * A realistic stream of shop actions for fault tests: sign-ups, logins, orders that then move
 * through their states, edited orders, new products. Every action is performed on the shop when the
 * script is built; the deliveries can then be duplicated (a copy later in the stream, as a retry
 * after a lost answer would) and reordered among the events of the same entity.
 */
import type { WebhookBody } from "../../lib/webhooks/contract";
import { performAction, type ActionName, type ActionOutcome } from "./actions.ts";
import { Random } from "./random.ts";
import type { ShopData } from "./store.ts";

export interface ScriptOptions {
  seed?: number;
  /** Probability that an event is delivered a second time, later in the stream. */
  duplicateRate?: number;
  /** Shuffle the deliveries of each entity (customer, order, product) among their own slots. */
  shuffleWithinEntity?: boolean;
}

export interface ScriptedDelivery {
  action: ActionName;
  event: WebhookBody;
  /** "order:12", "customer:3", "product:7". */
  entity: string;
  /** True for the second delivery of a duplicated event. */
  duplicate: boolean;
}

export interface ScriptContext {
  shop: ShopData;
  /** Shop-local DATETIME for the next action. */
  at: () => string;
  envelope: (event: ActionOutcome["event"]) => WebhookBody;
}

const WEIGHTS: Array<[ActionName, number]> = [
  ["sign-up", 15],
  ["login", 15],
  ["place-order", 30],
  ["change-status", 25],
  ["remove-line", 5],
  ["create-product", 10],
];

function entityOf(event: ActionOutcome["event"]): string {
  const { data } = event;
  if ("orderId" in data) return `order:${data.orderId}`;
  if ("customerId" in data) return `customer:${data.customerId}`;
  return `product:${data.productId}`;
}

function pickAction(random: Random): ActionName {
  let roll = random.next() * WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [name, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return "place-order";
}

export function buildScript(count: number, options: ScriptOptions, ctx: ScriptContext): ScriptedDelivery[] {
  const random = new Random(options.seed ?? 1);
  /** Orders this script placed: status changes and edits favour them, like a real day of trading. */
  const recentOrders: number[] = [];
  const stream: ScriptedDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const name = pickAction(random);
    const params: Record<string, unknown> = {};
    if ((name === "change-status" || name === "remove-line") && recentOrders.length > 0 && random.chance(0.7)) {
      params.orderId = random.pick(recentOrders);
    }
    let performed = name;
    let outcome: ActionOutcome;
    try {
      outcome = performAction(name, params, { shop: ctx.shop, random, at: ctx.at() });
    } catch {
      // The chosen order has no next state or a single line: the shop would refuse; place an order instead.
      performed = "place-order";
      outcome = performAction(performed, {}, { shop: ctx.shop, random, at: ctx.at() });
    }
    if (outcome.event.type === "order.created") recentOrders.push(outcome.event.data.orderId);
    stream.push({ action: performed, event: ctx.envelope(outcome.event), entity: entityOf(outcome.event), duplicate: false });
  }
  if (options.shuffleWithinEntity) shuffleWithinEntities(stream, random);
  const duplicateRate = options.duplicateRate ?? 0;
  for (let i = stream.length - 1; i >= 0; i--) {
    const original = stream[i];
    if (!original || original.duplicate || !random.chance(duplicateRate)) continue;
    stream.splice(random.int(i + 1, stream.length), 0, { ...original, duplicate: true });
  }
  return stream;
}

function shuffleWithinEntities(stream: ScriptedDelivery[], random: Random): void {
  const slots = new Map<string, number[]>();
  stream.forEach((delivery, index) => slots.set(delivery.entity, [...(slots.get(delivery.entity) ?? []), index]));
  for (const positions of slots.values()) {
    const shuffled = random.shuffle(positions.map((index) => stream[index] as ScriptedDelivery));
    positions.forEach((index, k) => (stream[index] = shuffled[k] as ScriptedDelivery));
  }
}
