import { z } from "zod";
import { oneOf } from "@/lib/prestashop/filter";
import type { PrestashopClient } from "@/lib/prestashop/client";
import { addressSchema, type Address, type Country, type Customer } from "@/lib/prestashop/schemas";
import type { ShopPlace } from "@/lib/sync/mapping/place";
import { placeWith, stateName, type PlaceNames } from "@/lib/sync/rules/shop-places";

/**
 * Countries and states by id, each read once per run: a page of customers names a handful of
 * countries, and reading one per customer would double the shop requests.
 */
export class ShopNames implements PlaceNames {
  readonly #countries = new Map<number, Promise<Country>>();
  readonly #states = new Map<number, Promise<string>>();

  constructor(private readonly shop: PrestashopClient) {}

  place(address: Address, languageId: number): Promise<ShopPlace> {
    return placeWith(this, address, languageId);
  }

  country(id: number): Promise<Country> {
    return cached(this.#countries, id, () => this.shop.getCountry(id));
  }

  state(id: number): Promise<string> {
    return cached(this.#states, id, () => stateName(this.shop, id));
  }
}

function cached<T>(cache: Map<number, Promise<T>>, id: number, read: () => Promise<T>): Promise<T> {
  let value = cache.get(id);
  if (!value) {
    value = read();
    cache.set(id, value);
  }
  return value;
}

/** Each customer's first live address as a place (DESIGN §2), with one address request per page. */
export async function customerPlaces(shop: PrestashopClient, names: ShopNames, customers: readonly Customer[]): Promise<Map<number, ShopPlace>> {
  if (customers.length === 0) return new Map();
  const addresses = await shop.list("addresses", { schema: addressSchema, filter: { id_customer: oneOf(customers.map((c) => c.id)), deleted: 0 }, sort: ["id_ASC"] });
  const first = new Map<number, Address>();
  for (const address of addresses) if (!first.has(address.id_customer)) first.set(address.id_customer, address);
  const places = new Map<number, ShopPlace>();
  await Promise.all(
    customers.map(async (customer) => {
      const address = first.get(customer.id);
      if (address) places.set(customer.id, await names.place(address, customer.id_lang));
    }),
  );
  return places;
}

const orderCustomerSchema = z.looseObject({ id_customer: z.coerce.number().int() });

/** The customers of `customerIds` who have ordered, with one orders request per page. */
export async function customersWithOrders(shop: PrestashopClient, customerIds: readonly number[]): Promise<Set<number>> {
  if (customerIds.length === 0) return new Set();
  const orders = await shop.list("orders", { schema: orderCustomerSchema, display: ["id", "id_customer"], filter: { id_customer: oneOf(customerIds) } });
  return new Set(orders.map((order) => order.id_customer));
}
