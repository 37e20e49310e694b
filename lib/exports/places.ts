import { z } from "zod";
import { oneOf } from "@/lib/prestashop/filter";
import { PrestashopPermissionError } from "@/lib/prestashop/errors";
import type { PrestashopClient } from "@/lib/prestashop/client";
import { addressSchema, pickLanguage, type Address, type Customer } from "@/lib/prestashop/schemas";
import type { ShopPlace } from "@/lib/sync/mapping/place";

const stateSchema = z.looseObject({ name: z.string().optional() });

/**
 * Countries and states by id, each read once per run: a page of customers names a handful of
 * countries, and reading one per customer would double the shop requests.
 */
export class ShopNames {
  readonly #countries = new Map<number, Promise<Awaited<ReturnType<PrestashopClient["getCountry"]>>>>();
  readonly #states = new Map<number, Promise<string>>();

  constructor(private readonly shop: PrestashopClient) {}

  async place(address: Address, languageId: number): Promise<ShopPlace> {
    const [country, state] = await Promise.all([address.id_country > 0 ? this.#country(address.id_country) : null, this.#state(address.id_state)]);
    return { address, country: country ? pickLanguage(country.name, languageId) : "", state };
  }

  #country(id: number) {
    let country = this.#countries.get(id);
    if (!country) this.#countries.set(id, (country = this.shop.getCountry(id)));
    return country;
  }

  /** "" when the key may not read states: the connector's key setup does not ask for them. */
  #state(id: number): Promise<string> {
    if (id <= 0) return Promise.resolve("");
    let state = this.#states.get(id);
    if (!state) {
      state = this.shop.get("states", id, { schema: stateSchema }).then(
        (row) => row.name ?? "",
        (err: unknown) => {
          if (err instanceof PrestashopPermissionError) return "";
          throw err;
        },
      );
      this.#states.set(id, state);
    }
    return state;
  }
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
