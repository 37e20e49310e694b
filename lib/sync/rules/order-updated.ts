import type { SyncContext } from "../context";
import { assertOrdersSupported, crmCurrencyOf } from "./order-guards";
import { resendOrder, type LinkedInventory } from "./order-resend";
import { shopEntity } from "./remember";

const INVENTORY_MODULES = ["SalesOrder", "Invoice"] as const;

/**
 * R9, order edited: the linked SalesOrder and Invoice get the order's current lines, so removed
 * lines disappear, with S&H and adjustment recomputed for the new total.
 */
export async function applyOrderUpdated(ctx: SyncContext, orderId: number): Promise<void> {
  assertOrdersSupported(ctx.settings);
  const order = await ctx.shop.getOrder(orderId);
  const entity = shopEntity.order(order.id);
  const linked: LinkedInventory[] = [];
  for (const module of INVENTORY_MODULES) {
    const id = await ctx.links.get(entity.type, entity.id, module);
    if (id) linked.push({ module, id });
  }
  if (linked.length === 0) {
    ctx.journal.note(`Order ${order.id} has no SalesOrder in the CRM: no lines to update`);
    return;
  }
  await resendOrder(ctx, order, await crmCurrencyOf(ctx, order), linked);
}
