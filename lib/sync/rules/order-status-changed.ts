import type { Order } from "@/lib/prestashop/schemas";
import { recordText } from "@/lib/vtiger/schemas";
import type { SyncContext } from "../context";
import { mappedStatus } from "../mapping/inventory";
import type { StatusPair } from "../state-mapping";
import { naturalKey } from "./natural-keys";
import { assertOrdersSupported, crmCurrencyOf } from "./order-guards";
import { ensureInvoice, warnIfUnmapped } from "./order-records";
import { resendOrder, type LinkedInventory } from "./order-resend";
import { orderProducts } from "./products";
import { shopEntity } from "./remember";
import { orderPlaces } from "./shop-places";

/** Each record's status field, and the side of the state mapping that fills it. */
const STATUS_FIELDS = {
  SalesOrder: { field: "sostatus", mapping: "salesOrderStatus" },
  Invoice: { field: "invoicestatus", mapping: "invoiceStatus" },
} as const satisfies Record<LinkedInventory["module"], { field: string; mapping: keyof StatusPair }>;

/** The Invoice of an order invoiced after it was placed: "the SalesOrder's fields" come from the SalesOrder. */
async function createLateInvoice(ctx: SyncContext, order: Order, salesOrderId: string, currencyId: string): Promise<void> {
  const salesOrder = await ctx.crm.retrieve(salesOrderId);
  const reference = (field: string) => recordText(salesOrder, field) || undefined;
  const places = await orderPlaces(ctx, order);
  const productIds = await orderProducts(ctx, order);
  const ids = { accountId: reference("account_id"), contactId: reference("contact_id"), potentialId: reference("potential_id"), currencyId, productIds, salesOrderId };
  await ctx.withKey(naturalKey.order(order.reference), () => ensureInvoice(ctx, order, places, ids));
}

/**
 * R8, order status changed: the SalesOrder (and Invoice) statuses follow the order's current
 * state as the shop reports it now — not the event's, which may be stale when events arrive late.
 * Once the shop has invoiced the order, its Invoice is created if there is none yet.
 */
export async function applyOrderStatusChanged(ctx: SyncContext, orderId: number): Promise<void> {
  assertOrdersSupported(ctx.settings);
  const order = await ctx.shop.getOrder(orderId);
  const entity = shopEntity.order(order.id);
  const salesOrderId = await ctx.links.get(entity.type, entity.id, "SalesOrder");
  if (!salesOrderId) {
    ctx.journal.note(`Order ${order.id} has no SalesOrder in the CRM: no status to update`);
    return;
  }
  const currencyId = await crmCurrencyOf(ctx, order);
  warnIfUnmapped(ctx, order);
  const invoiceId = await ctx.links.get(entity.type, entity.id, "Invoice");
  const linked: LinkedInventory[] = [{ module: "SalesOrder", id: salesOrderId }, ...(invoiceId ? [{ module: "Invoice" as const, id: invoiceId }] : [])];
  const changed: LinkedInventory[] = [];
  for (const record of linked) {
    const { field, mapping } = STATUS_FIELDS[record.module];
    const status = mappedStatus(ctx.settings, order, mapping);
    if (status === undefined) ctx.journal.touched(record.module, record.id, "unchanged");
    else changed.push({ ...record, fields: { [field]: status } });
  }
  if (changed.length > 0) await resendOrder(ctx, order, currencyId, changed);
  if (!invoiceId && order.invoice_number > 0) await createLateInvoice(ctx, order, salesOrderId, currencyId);
}
