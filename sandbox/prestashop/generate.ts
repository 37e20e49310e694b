/**
 * A deterministic shop: the install data, then products, customers (guests, companies, customers
 * without address or orders, a few deactivated or soft-deleted) and their orders walked through
 * realistic state histories between SHOP_OPENED and SHOP_GENERATED_UNTIL. Same options, same shop.
 */
import { createProduct } from "./catalog.ts";
import { wallClockText } from "./clock.ts";
import { createAddress, createCustomer } from "./customers.ts";
import { companyName, person, postalAddress, productIdea } from "./fake-data.ts";
import { CURRENCIES, installReferenceData, LANG_EN, LANG_FR } from "./install-data.ts";
import { changeOrderState, PAYMENTS, placeOrder, type NewOrder, type OrderLine, type PaymentMethod } from "./orders.ts";
import { Random } from "./random.ts";
import type { Row } from "./schema.ts";
import { ShopData } from "./store.ts";

export interface GenerateOptions {
  customers?: number;
  products?: number;
  /** Average number of orders of a customer who has ordered (half of the customers have). */
  ordersPerCustomer?: number;
  seed?: number;
}

export const GENERATE_DEFAULTS = { customers: 200, products: 100, ordersPerCustomer: 2, seed: 1 } as const;

/** Shop-time wall clock of the generated history. */
const SHOP_OPENED = Date.UTC(2023, 0, 2, 8);
/** Generated history ends here, so anything the emitter does later is newer. */
const SHOP_GENERATED_UNTIL = Date.UTC(2025, 9, 31, 20);
const HOUR = 3_600_000;

const PAYMENT_ERROR = 8;

/** Final states and the path an order takes to reach them after its payment module's first state. */
const LIFECYCLES: Array<{ weight: number; path: number[] }> = [
  { weight: 35, path: [2, 3, 4, 5] },
  { weight: 15, path: [2, 3, 4] },
  { weight: 15, path: [2] },
  { weight: 10, path: [2, 3] },
  { weight: 12, path: [] },
  { weight: 7, path: [6] },
  { weight: 4, path: [2, 7] },
  { weight: 2, path: [PAYMENT_ERROR] },
];

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** Active currencies weighted towards the default one (EUR 80 %, USD 12 %, GBP 8 %). */
const CURRENCY_WEIGHTS = [
  { id: 1, weight: 80 },
  { id: 2, weight: 12 },
  { id: 3, weight: 8 },
].filter(({ id }) => CURRENCIES[id - 1]?.[5] === 1);

const PAYMENT_METHODS: PaymentMethod[] = ["card", "card", "wire", "check", "cod"];

export function generateShop(options: GenerateOptions = {}): ShopData {
  const { customers, products, ordersPerCustomer, seed } = { ...GENERATE_DEFAULTS, ...options };
  const random = new Random(seed);
  const shop = new ShopData();
  const date = wallClockText;
  installReferenceData(shop, date(SHOP_OPENED - 24 * HOUR));

  const span = SHOP_GENERATED_UNTIL - SHOP_OPENED;
  // Creation times grow with ids, as in a real table.
  const timeOf = (index: number, count: number) => SHOP_OPENED + Math.floor((span * 0.9 * index) / Math.max(count, 1));

  const activeProducts: Row[] = [];
  /** Order placements (stateId 0) and later state changes, applied in time order at the end. */
  const events: Array<{ at: number; plan: { order: NewOrder; id: number }; stateId: number }> = [];
  for (let i = 0; i < products; i++) {
    const idea = productIdea(random);
    const product = createProduct(
      shop,
      {
        idea,
        reference: random.chance(0.8) ? `${idea.code}-${String(i + 1).padStart(5, "0")}` : "",
        active: random.chance(0.9),
        quantity: random.chance(0.1) ? 0 : random.int(1, 500),
      },
      date(timeOf(i, products)),
      random,
    );
    if (product.active === 1) activeProducts.push(product);
  }

  for (let i = 0; i < customers; i++) {
    const createdAt = timeOf(i, customers);
    // Odd positions order (half of the customers); only buyers can be guests or have several addresses.
    const buyer = i % 2 === 1 && activeProducts.length > 0;
    const isGuest = buyer && random.chance(0.2);
    const company = i % 3 === 2 ? companyName(random) : "";
    const customer = createCustomer(
      shop,
      {
        person: person(random, i + 1),
        idLang: random.chance(0.3) ? LANG_FR : LANG_EN,
        company,
        isGuest,
        newsletter: !isGuest && random.chance(0.3),
        ...(random.chance(0.6) ? { birthday: `${random.int(1950, 2004)}-0${random.int(1, 9)}-1${random.int(0, 9)}` } : {}),
        active: random.chance(0.98),
        deleted: !buyer && random.chance(0.01),
      },
      date(createdAt),
      random,
    );
    if (!buyer && random.chance(0.5)) continue;
    createAddress(shop, customer, postalAddress(random), customer.id_lang === LANG_FR ? "Mon adresse" : "My address", company, date(createdAt));
    if (company && random.chance(0.3)) createAddress(shop, customer, postalAddress(random), "Office", company, date(createdAt));
    if (!buyer) continue;

    const orders = ordersPerCustomer > 0 ? random.int(1, Math.max(1, Math.round(2 * ordersPerCustomer - 1))) : 0;
    for (let n = 0; n < orders; n++) planOrder(customer.id, createdAt);
  }

  function planOrder(customerId: number, customerSince: number): void {
    let at = customerSince + HOUR + Math.floor(random.next() * (SHOP_GENERATED_UNTIL - customerSince - 20 * 24 * HOUR));
    const lines: OrderLine[] = [];
    for (let count = random.int(1, 4); count > 0; count--) {
      const productId = random.pick(activeProducts).id;
      const quantity = random.chance(0.8) ? 1 : random.int(2, 4);
      if (!lines.some((line) => line.productId === productId)) lines.push({ productId, quantity });
    }
    const payment = random.pick(PAYMENT_METHODS);
    const { path } = pickWeighted(random, LIFECYCLES);
    const order: NewOrder = { customerId, lines, currencyId: pickWeighted(random, CURRENCY_WEIGHTS).id, payment, voucher: random.chance(0.1) };
    // A refused card never reaches "Payment accepted": the module creates the order in Payment error.
    if (payment === "card" && path[0] === PAYMENT_ERROR) order.stateId = PAYMENT_ERROR;
    const plan = { order, id: 0 };
    events.push({ at, plan, stateId: 0 });
    for (const stateId of path) {
      if (stateId === (order.stateId ?? PAYMENTS[payment].state)) continue;
      at += random.int(2, 72) * HOUR;
      events.push({ at, plan, stateId });
    }
  }

  // Orders and state changes happen in time order, so ids grow with dates as in a real shop.
  events.sort((a, b) => a.at - b.at);
  for (const { at, plan, stateId } of events) {
    if (stateId === 0) plan.id = placeOrder(shop, plan.order, date(at), random).id;
    else changeOrderState(shop, plan.id, stateId, date(at));
  }
  return shop;
}
