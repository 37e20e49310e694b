import { z } from "zod";
import { PrestashopPermissionError } from "@/lib/prestashop/errors";
import type { PrestashopClient } from "@/lib/prestashop/client";
import { pickLanguage, type Address, type Country, type Customer, type Order } from "@/lib/prestashop/schemas";
import type { SyncContext } from "../context";
import type { OrderPlaces } from "../mapping/inventory";
import type { ShopPlace } from "../mapping/place";

const stateSchema = z.looseObject({ name: z.string().optional() });

/**
 * The state's name, or "" when the webservice key may not read `states`: the connector's key
 * setup does not ask for that resource, and a missing state name is no reason to fail an order.
 */
export async function stateName(shop: PrestashopClient, stateId: number): Promise<string> {
  if (stateId <= 0) return "";
  try {
    return (await shop.get("states", stateId, { schema: stateSchema })).name ?? "";
  } catch (err) {
    if (err instanceof PrestashopPermissionError) return "";
    throw err;
  }
}

/** How a place's country and state are read: straight from the shop, or through a cache (exports). */
export interface PlaceNames {
  country(id: number): Promise<Country>;
  state(id: number): Promise<string>;
}

/** An address with its country named in `languageId` (the customer's or the order's language). */
export async function placeWith(names: PlaceNames, address: Address, languageId: number): Promise<ShopPlace> {
  const [country, state] = await Promise.all([address.id_country > 0 ? names.country(address.id_country) : null, names.state(address.id_state)]);
  return { address, country: country ? pickLanguage(country.name, languageId) : "", state };
}

export function placeOf(ctx: SyncContext, address: Address, languageId: number): Promise<ShopPlace> {
  return placeWith({ country: (id) => ctx.shop.getCountry(id), state: (id) => stateName(ctx.shop, id) }, address, languageId);
}

/** The customer's first address (DESIGN §2: Lead and Contact details come from it), or null. */
export async function customerPlace(ctx: SyncContext, customer: Customer): Promise<ShopPlace | null> {
  const address = await ctx.shop.firstAddressOf(customer.id);
  return address && placeOf(ctx, address, customer.id_lang);
}

/** The order's invoice and delivery addresses, read once when they are the same. */
export async function orderPlaces(ctx: SyncContext, order: Order): Promise<OrderPlaces> {
  const invoice = await placeOf(ctx, await ctx.shop.getAddress(order.id_address_invoice), order.id_lang);
  if (order.id_address_delivery === order.id_address_invoice) return { invoice, delivery: invoice };
  return { invoice, delivery: await placeOf(ctx, await ctx.shop.getAddress(order.id_address_delivery), order.id_lang) };
}
