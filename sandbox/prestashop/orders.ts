/**
 * Order mechanics as PrestaShop runs them: validateOrder() writes the order and its lines, then the
 * first state change; every state change adds an order_history row and, when the new state allows
 * it, sets the invoice or delivery slip number; removing a line deletes the order_detail and
 * rewrites the totals (reference §10.4–10.7, hooks §2.3–2.6). Amounts are in the order's currency.
 */
import { phpRound } from "./numbers.ts";
import type { Row } from "./schema.ts";
import type { ShopData } from "./store.ts";
import type { Random } from "./random.ts";
import { ActionRefused } from "./refusal.ts";

const VAT = 0.2;
/** Shipping of "My carrier" in EUR, tax excluded; free from FREE_SHIPPING_FROM EUR of products. */
const SHIPPING = 7;
const FREE_SHIPPING_FROM = 100;
const REFERENCE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export interface OrderLine {
  productId: number;
  quantity: number;
}

/** Payment modules and the state each one starts an order in. */
export const PAYMENTS = {
  wire: { module: "ps_wirepayment", payment: "Bank transfer", state: 10 },
  check: { module: "ps_checkpayment", payment: "Payments by check", state: 1 },
  cod: { module: "ps_cashondelivery", payment: "Cash on delivery (COD)", state: 13 },
  card: { module: "ps_checkout", payment: "Card", state: 2 },
} as const;
export type PaymentMethod = keyof typeof PAYMENTS;

export interface NewOrder {
  customerId: number;
  lines: OrderLine[];
  currencyId: number;
  payment: PaymentMethod;
  /** Initial state; defaults to the payment module's. */
  stateId?: number;
  /** A 5.00 EUR (tax incl.) voucher. */
  voucher?: boolean;
}

const round2 = (value: number) => phpRound(value, 2);
const round6 = (value: number) => phpRound(value, 6);
const num = (value: unknown) => (typeof value === "number" ? value : 0);

const ZERO_DATETIME = "0000-00-00 00:00:00";

/** The order's totals from its lines, shipping and discount (PS_ROUND_LINE: each line rounded). */
function totals(lines: ReadonlyArray<Record<string, unknown>>, shippingExcl: number, discountIncl: number) {
  const products = round2(lines.reduce((sum, line) => sum + num(line.total_price_tax_excl), 0));
  const productsWt = round2(lines.reduce((sum, line) => sum + num(line.total_price_tax_incl), 0));
  const shippingIncl = round2(shippingExcl * (1 + VAT));
  const discountExcl = round2(discountIncl / (1 + VAT));
  const paidIncl = round2(productsWt + shippingIncl - discountIncl);
  return {
    total_products: products,
    total_products_wt: productsWt,
    total_shipping: shippingIncl,
    total_shipping_tax_incl: shippingIncl,
    total_shipping_tax_excl: shippingExcl,
    total_discounts: discountIncl,
    total_discounts_tax_incl: discountIncl,
    total_discounts_tax_excl: discountExcl,
    total_paid: paidIncl,
    total_paid_tax_incl: paidIncl,
    total_paid_tax_excl: round2(products + shippingExcl - discountExcl),
  };
}

/** PaymentModule::validateOrder for one cart: order, lines, then the first state. */
export function placeOrder(shop: ShopData, order: NewOrder, at: string, random: Random): Row {
  const customer = shop.table("customers").get(order.customerId);
  if (!customer) throw new ActionRefused(`Customer ${order.customerId} does not exist`);
  const address = shop.table("addresses").where("id_customer", customer.id).find((a) => a.deleted !== 1);
  if (!address) throw new ActionRefused(`Customer ${customer.id} has no address: the checkout needs one`);
  const currency = shop.table("currencies").get(order.currencyId);
  if (!currency) throw new ActionRefused(`Currency ${order.currencyId} does not exist`);
  if (order.lines.length === 0) throw new ActionRefused("An order needs at least one line");
  const rate = num(currency.conversion_rate);
  const idLang = num(customer.id_lang) || 1;
  const payment = PAYMENTS[order.payment];

  // Lines first, so the order row is written once with its totals (rows keep one shape: faster).
  const lines = order.lines.map((line) => {
    const product = shop.table("products").get(line.productId);
    if (!product) throw new ActionRefused(`Product ${line.productId} does not exist`);
    const unitExcl = round6(num(product.price) * rate);
    const unitIncl = round6(unitExcl * (1 + VAT));
    const wholesale = round6(num(product.wholesale_price) * rate);
    return {
      id_order: 0,
      product_id: product.id,
      product_attribute_id: 0,
      id_order_invoice: 0,
      id_shop: 1,
      product_name: (product.name as Record<number, string> | undefined)?.[idLang] ?? "",
      product_quantity: line.quantity,
      product_quantity_in_stock: line.quantity,
      product_price: unitExcl,
      product_reference: product.reference ?? "",
      product_weight: num(product.weight),
      tax_name: "TVA FR 20%",
      tax_rate: VAT * 100,
      id_tax_rules_group: 1,
      unit_price_tax_incl: unitIncl,
      unit_price_tax_excl: unitExcl,
      total_price_tax_incl: round2(unitIncl * line.quantity),
      total_price_tax_excl: round2(unitExcl * line.quantity),
      purchase_supplier_price: wholesale,
      original_product_price: unitExcl,
      original_wholesale_price: wholesale,
    };
  });
  const productsEur = lines.reduce((sum, line) => sum + line.total_price_tax_excl, 0) / rate;
  const shippingExcl = productsEur >= FREE_SHIPPING_FROM ? 0 : round2(SHIPPING * rate);
  const discountIncl = order.voucher ? round2(5 * rate) : 0;

  const row = shop.table("orders").insert({
    id_address_delivery: address.id,
    id_address_invoice: address.id,
    id_cart: shop.next("cart"),
    id_currency: currency.id,
    id_lang: idLang,
    id_customer: customer.id,
    id_carrier: 2,
    current_state: 0,
    module: payment.module,
    invoice_number: 0,
    invoice_date: ZERO_DATETIME,
    delivery_number: 0,
    delivery_date: ZERO_DATETIME,
    valid: 0,
    date_add: at,
    date_upd: at,
    id_shop_group: 1,
    id_shop: 1,
    secure_key: customer.secure_key ?? "",
    payment: payment.payment,
    ...totals(lines, shippingExcl, discountIncl),
    total_paid_real: 0,
    carrier_tax_rate: VAT * 100,
    round_mode: 2,
    round_type: 2,
    conversion_rate: rate,
    reference: random.string(REFERENCE_LETTERS, 9),
  });
  for (const line of lines) {
    line.id_order = row.id;
    shop.table("order_details").insert(line);
  }
  return changeOrderState(shop, row.id, order.stateId ?? payment.state, at);
}

/** OrderHistory::changeIdOrderState + addWithemail. */
export function changeOrderState(shop: ShopData, orderId: number, stateId: number, at: string): Row {
  const order = shop.table("orders").get(orderId);
  const state = shop.table("order_states").get(stateId);
  if (!order) throw new ActionRefused(`Order ${orderId} does not exist`);
  if (!state) throw new ActionRefused(`Order state ${stateId} does not exist`);
  shop.table("order_histories").insert({ id_employee: 0, id_order_state: stateId, id_order: orderId, date_add: at });
  const changes: Record<string, number | string> = { current_state: stateId, valid: num(state.logable), date_upd: at };
  if (state.invoice === 1 && !order.invoice_number) {
    changes.invoice_number = shop.next("invoice");
    changes.invoice_date = at;
    for (const detail of shop.table("order_details").where("id_order", orderId)) {
      shop.table("order_details").update(detail.id, { id_order_invoice: changes.invoice_number });
    }
  }
  if (state.delivery === 1 && !order.delivery_number) {
    changes.delivery_number = shop.next("delivery");
    changes.delivery_date = at;
  }
  if (state.paid === 1 && !num(order.total_paid_real)) changes.total_paid_real = num(order.total_paid_tax_incl);
  return shop.table("orders").update(orderId, changes);
}

/** Back office "delete product from order": the line is physically deleted and the totals rewritten. */
export function removeOrderLine(shop: ShopData, orderId: number, detailId: number, at: string): Row {
  const order = shop.table("orders").get(orderId);
  if (!order) throw new ActionRefused(`Order ${orderId} does not exist`);
  const lines = shop.table("order_details").where("id_order", orderId);
  if (!lines.some((line) => line.id === detailId)) throw new ActionRefused(`Order ${orderId} has no line ${detailId}`);
  if (lines.length === 1) throw new ActionRefused("The last line of an order cannot be removed");
  shop.table("order_details").delete(detailId);
  const remaining = lines.filter((line) => line.id !== detailId);
  const changes: Record<string, number | string> = {
    ...totals(remaining, num(order.total_shipping_tax_excl), num(order.total_discounts_tax_incl)),
    date_upd: at,
  };
  if (num(order.total_paid_real)) changes.total_paid_real = changes.total_paid_tax_incl ?? 0;
  return shop.table("orders").update(orderId, changes);
}
