/** Shop records for the mapping tests, parsed by the client's own schemas like real answers. */
import { addressSchema, customerSchema, orderSchema, productSchema, type Address, type Order } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import type { ShopPlace } from "./place";

export const customer = (fields: Record<string, unknown> = {}) =>
  customerSchema.parse({ id: 42, firstname: "Jean", lastname: "Dupont", email: "jean.dupont@example.com", id_lang: 1, birthday: "1980-02-03", ...fields });

export const address = (fields: Record<string, unknown> = {}): Address =>
  addressSchema.parse({
    id: 5,
    id_customer: 42,
    id_country: 8,
    address1: "12 rue de la Paix",
    address2: "Bâtiment B",
    postcode: "75002",
    city: "Paris",
    phone: "01 23 45 67 89",
    phone_mobile: "06 12 34 56 78",
    ...fields,
  });

export const place = (fields: Record<string, unknown> = {}): ShopPlace => ({ address: address(fields), country: "France", state: "" });

export const product = (fields: Record<string, unknown> = {}) =>
  productSchema.parse({
    id: 7,
    reference: "MUG-00007",
    price: "16.666667",
    active: "1",
    name: [
      { id: "1", value: "Brown bear mug" },
      { id: "2", value: "Mug ours brun" },
    ],
    description_short: [{ id: "1", value: "<p><strong>Brown bear mug</strong> &ndash; soft &amp; bright.</p>" }],
    ...fields,
  });

/** One order line: unit prices tax excluded and included with 6 decimals, as PrestaShop keeps them. */
export const row = (productId: number, quantity: number, unitExcl: number, taxRate = 0.2, name = `Product ${productId}`) => ({
  id: productId * 10,
  product_id: productId,
  product_quantity: quantity,
  product_name: name,
  product_reference: `REF-${productId}`,
  product_price: unitExcl,
  unit_price_tax_excl: unitExcl,
  unit_price_tax_incl: Math.round(unitExcl * (1 + taxRate) * 1e6) / 1e6,
});

export const order = (fields: Record<string, unknown> = {}): Order =>
  orderSchema.parse({
    id: 12,
    reference: "XKBKNABJK",
    id_customer: 42,
    id_currency: 1,
    id_lang: 1,
    id_address_invoice: 5,
    id_address_delivery: 6,
    current_state: 2,
    invoice_number: 3,
    invoice_date: "2025-03-02 09:00:00",
    date_add: "2025-03-01 14:02:00",
    conversion_rate: "1.000000",
    total_paid_tax_incl: "48.40",
    total_products: "33.33",
    total_products_wt: "40.00",
    total_shipping_tax_incl: "8.40",
    total_shipping_tax_excl: "7.00",
    associations: { order_rows: [row(1, 2, 16.666667)] },
    ...fields,
  });

export const settings: Pick<SyncSettings, "ownerId" | "salesOrderPrefix" | "potentialPrefix" | "stateMappings"> = {
  ownerId: "19x1",
  salesOrderPrefix: "Sales order no",
  potentialPrefix: "Shop order no",
  stateMappings: new Map([
    [2, { salesOrderStatus: "Approved", invoiceStatus: "Paid" }],
    [6, { salesOrderStatus: "Cancelled", invoiceStatus: "" }],
  ]),
};
