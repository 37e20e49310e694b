import type { SyncContext } from "../context";
import { naturalKey } from "./natural-keys";
import { orderCustomer } from "./order-customer";
import { assertOrdersSupported, crmCurrencyOf } from "./order-guards";
import { ensureInvoice, ensurePotential, ensureSalesOrder, warnIfUnmapped } from "./order-records";
import { orderProducts } from "./products";
import { orderPlaces } from "./shop-places";

/**
 * R3, order placed: customer (Contact, Account), missing products, then under the order's key the
 * Potential (when switched on), the SalesOrder, and the Invoice when the shop has invoiced the
 * order already. Every step finds what an earlier attempt made, so a repeated or retried event
 * completes what is missing and changes nothing else.
 */
export async function applyOrderCreated(ctx: SyncContext, orderId: number): Promise<void> {
  assertOrdersSupported(ctx.settings);
  const order = await ctx.shop.getOrder(orderId);
  const currencyId = await crmCurrencyOf(ctx, order);
  warnIfUnmapped(ctx, order);
  const places = await orderPlaces(ctx, order);
  const parties = await orderCustomer(ctx, order, places.invoice);
  const productIds = await orderProducts(ctx, order);
  await ctx.withKey(naturalKey.order(order.reference), async () => {
    const potentialId = ctx.settings.createPotential ? await ensurePotential(ctx, order, parties) : undefined;
    const ids = { ...parties, potentialId, currencyId, productIds };
    const salesOrderId = await ensureSalesOrder(ctx, order, places, ids);
    if (order.invoice_number > 0) await ensureInvoice(ctx, order, places, { ...ids, salesOrderId });
  });
}
