/**
 * The shop actions behind the connector's webhooks (hooks reference §2): what each one changes in
 * the shop and which event the module reports. Parameters are optional; missing ones are drawn from
 * the shop (an existing customer, a plausible next state…) with the caller's Random.
 */
import { z } from "zod";
import type { shopEventSchema, ShopEventType } from "../../lib/webhooks/contract";
import { createProduct } from "./catalog.ts";
import { createAddress, createCustomer } from "./customers.ts";
import { companyName, person, postalAddress, productIdea } from "./fake-data.ts";
import { LANG_EN, LANG_FR } from "./install-data.ts";
import { changeOrderState, PAYMENTS, placeOrder, removeOrderLine, type PaymentMethod } from "./orders.ts";
import type { Random } from "./random.ts";
import { ActionRefused } from "./refusal.ts";
import type { Row } from "./schema.ts";
import type { ShopData } from "./store.ts";

const id = z.number().int().positive();

const actionParamsSchemas = {
  "sign-up": z
    .object({
      firstname: z.string().min(1),
      lastname: z.string().min(1),
      email: z.email(),
      company: z.string(),
      /** Guest checkout creates an is_guest=1 customer and fires the same hook. */
      guest: z.boolean(),
      idLang: z.union([z.literal(LANG_EN), z.literal(LANG_FR)]),
    })
    .partial()
    .strict(),
  login: z.object({ customerId: id }).partial().strict(),
  "place-order": z
    .object({
      customerId: id,
      lines: z.array(z.object({ productId: id, quantity: z.number().int().positive() }).strict()).min(1),
      stateId: id,
      currencyId: id,
      payment: z.enum(Object.keys(PAYMENTS) as [PaymentMethod, ...PaymentMethod[]]),
    })
    .partial()
    .strict(),
  "change-status": z.object({ orderId: id, stateId: id }).partial().strict(),
  "remove-line": z.object({ orderId: id, detailId: id }).partial().strict(),
  "create-product": z
    .object({ name: z.string().min(1), reference: z.string(), price: z.number().nonnegative(), active: z.boolean(), quantity: z.number().int().nonnegative() })
    .partial()
    .strict(),
};

export type ActionName = keyof typeof actionParamsSchemas;
export const ACTION_NAMES = Object.keys(actionParamsSchemas) as ActionName[];
export type ActionParams<A extends ActionName> = z.infer<(typeof actionParamsSchemas)[A]>;

/** The event without its envelope (id, occurredAt): what the module knows when the hook fires. */
export type ShopEvent = z.infer<typeof shopEventSchema>;

export interface ActionOutcome {
  event: ShopEvent;
  /** What changed, for the caller (ids, reference, invoice number…). */
  result: Record<string, string | number | null>;
}

export interface ActionContext {
  shop: ShopData;
  random: Random;
  /** Shop-local DATETIME of the action. */
  at: string;
}

const event = <T extends ShopEventType>(type: T, data: Extract<ShopEvent, { type: T }>["data"]) => ({ type, data }) as ShopEvent;

function pickRow(rows: readonly Row[], random: Random, what: string): Row {
  if (rows.length === 0) throw new ActionRefused(`The shop has no ${what}`);
  return random.pick(rows);
}

function existing(shop: ShopData, table: string, rowId: number): Row {
  const row = shop.table(table).get(rowId);
  if (!row) throw new ActionRefused(`No ${table} row with id ${rowId}`);
  return row;
}

/** Registered, active, not deleted: the customers who can log in or order. */
const canLogIn = (row: Row) => row.is_guest !== 1 && row.active === 1 && row.deleted !== 1;

/** The usual next state of an order, by current state (back-office workflow). */
const NEXT_STATE: Record<number, number[]> = { 1: [2, 6], 10: [2, 6], 13: [3, 6], 2: [3, 7], 3: [4], 4: [5], 9: [3], 12: [9, 6] };

const actions: { [A in ActionName]: (params: ActionParams<A>, ctx: ActionContext) => ActionOutcome } = {
  "sign-up"(params, { shop, random, at }) {
    const who = person(random, shop.table("customers").size + 1);
    const company = params.company ?? (random.chance(0.3) ? companyName(random) : "");
    const customer = createCustomer(
      shop,
      {
        person: { firstname: params.firstname ?? who.firstname, lastname: params.lastname ?? who.lastname, email: params.email ?? who.email },
        idLang: params.idLang ?? LANG_EN,
        company,
        isGuest: params.guest ?? false,
      },
      at,
      random,
    );
    return { event: event("customer.created", { customerId: customer.id }), result: { customerId: customer.id, email: String(customer.email) } };
  },

  login(params, { shop, random }) {
    const customer = params.customerId
      ? existing(shop, "customers", params.customerId)
      : pickRow(shop.table("customers").all().filter(canLogIn), random, "customer who can log in");
    if (!canLogIn(customer)) throw new ActionRefused(`Customer ${customer.id} cannot log in (guest, inactive or deleted)`);
    return { event: event("customer.login", { customerId: customer.id }), result: { customerId: customer.id } };
  },

  "place-order"(params, { shop, random, at }) {
    const customer = params.customerId
      ? existing(shop, "customers", params.customerId)
      : pickRow(shop.table("customers").all().filter(canLogIn), random, "customer who can order");
    // The checkout asks for an address when the customer has none.
    if (!shop.table("addresses").where("id_customer", customer.id).some((a) => a.deleted !== 1)) {
      createAddress(shop, customer, postalAddress(random), "My address", String(customer.company ?? ""), at);
    }
    const products = shop.table("products").all().filter((p) => p.active === 1);
    const lines = params.lines ?? [{ productId: pickRow(products, random, "active product").id, quantity: random.int(1, 3) }];
    const order = placeOrder(
      shop,
      {
        customerId: customer.id,
        lines,
        currencyId: params.currencyId ?? 1,
        payment: params.payment ?? "card",
        ...(params.stateId ? { stateId: existing(shop, "order_states", params.stateId).id } : {}),
      },
      at,
      random,
    );
    return {
      event: event("order.created", { orderId: order.id }),
      result: {
        orderId: order.id,
        reference: String(order.reference),
        customerId: customer.id,
        stateId: Number(order.current_state),
        invoiceNumber: Number(order.invoice_number ?? 0),
      },
    };
  },

  "change-status"(params, { shop, random, at }) {
    const order = params.orderId
      ? existing(shop, "orders", params.orderId)
      : pickRow(shop.table("orders").all().filter((o) => NEXT_STATE[Number(o.current_state)]), random, "order with a next state");
    const stateId = params.stateId ?? random.pick(NEXT_STATE[Number(order.current_state)] ?? [6]);
    existing(shop, "order_states", stateId);
    const updated = changeOrderState(shop, order.id, stateId, at);
    return {
      event: event("order.status_changed", { orderId: order.id, orderStateId: stateId }),
      result: { orderId: order.id, orderStateId: stateId, invoiceNumber: Number(updated.invoice_number ?? 0) },
    };
  },

  "remove-line"(params, { shop, random, at }) {
    const details = shop.table("order_details");
    const order = params.orderId
      ? existing(shop, "orders", params.orderId)
      : pickRow(shop.table("orders").all().filter((o) => details.where("id_order", o.id).length > 1), random, "order with several lines");
    const lines = details.where("id_order", order.id);
    const line = params.detailId ? lines.find((l) => l.id === params.detailId) : lines[lines.length - 1];
    if (!line) throw new ActionRefused(`Order ${order.id} has no line ${params.detailId}`);
    const productId = Number(line.product_id);
    const updated = removeOrderLine(shop, order.id, line.id, at);
    return {
      event: event("order.updated", { orderId: order.id }),
      result: { orderId: order.id, removedDetailId: line.id, productId, totalPaidTaxIncl: Number(updated.total_paid_tax_incl) },
    };
  },

  "create-product"(params, { shop, random, at }) {
    const idea = productIdea(random);
    const product = createProduct(
      shop,
      {
        idea: {
          ...idea,
          ...(params.name ? { name: { en: params.name, fr: params.name } } : {}),
          ...(params.price !== undefined ? { price: params.price } : {}),
        },
        reference: params.reference ?? `${idea.code}-${String(shop.table("products").size + 1).padStart(5, "0")}`,
        active: params.active ?? true,
        quantity: params.quantity ?? random.int(0, 100),
      },
      at,
      random,
    );
    return { event: event("product.created", { productId: product.id }), result: { productId: product.id, reference: String(product.reference) } };
  },
};

/** Validates the parameters and performs the action; ActionRefused or a ZodError on bad input. */
export function performAction(name: ActionName, params: unknown, ctx: ActionContext): ActionOutcome {
  const parsed = actionParamsSchemas[name].parse(params ?? {});
  return (actions[name] as (p: typeof parsed, c: ActionContext) => ActionOutcome)(parsed, ctx);
}
