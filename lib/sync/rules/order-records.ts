import type { Order } from "@/lib/prestashop/schemas";
import { ident, vtql } from "@/lib/vtiger/vtql";
import type { SyncContext } from "../context";
import { dateOf, money } from "../mapping/format";
import {
  invoiceFromOrder,
  orderSubject,
  salesOrderFromOrder,
  type InventoryElement,
  type OrderParties,
  type OrderPlaces,
  type OrderRecordIds,
} from "../mapping/inventory";
import type { OrderLines } from "../mapping/order-lines";
import { potentialFromOrder, potentialName } from "../mapping/potential";
import { createRecord } from "./create-record";
import { findOneBy } from "./crm-lookup";
import { ensureRecord } from "./ensure-record";
import { shopEntity } from "./remember";

/**
 * The creates of an order's records. Callers hold the order's key (naturalKey.order) and have
 * resolved the customer and products first, keeping the fixed order in which keys are taken.
 */

/** The journal shows what the adjustment made up for (totals.ts). */
export function noteAdjustment(ctx: SyncContext, module: "SalesOrder" | "Invoice", lines: Pick<OrderLines, "txtAdjustment">, order: Order): void {
  if (Number(lines.txtAdjustment) === 0) return;
  ctx.journal.note(`${module} adjustment ${lines.txtAdjustment} to match total paid ${money(order.total_paid_tax_incl)}`);
}

/** An unmapped state leaves records as they are; a new one gets the R10 default status. */
export function warnIfUnmapped(ctx: SyncContext, order: Order): void {
  if (ctx.settings.stateMappings.has(order.current_state)) return;
  ctx.journal.warn(
    `Order state ${order.current_state} of order ${order.id} has no status mapping: existing CRM records keep their status, new ones get the default. Map it on the Configuration tab.`,
  );
}

/**
 * SalesOrder and Invoice are found by the order reference (customerno) and subject together:
 * orders split by PrestaShop over several carriers share one reference.
 */
async function findOrderRecord(ctx: SyncContext, module: "SalesOrder" | "Invoice", order: Order): Promise<string | null> {
  const subject = orderSubject(order, ctx.settings);
  const [row] = await ctx.crm.query(
    vtql`SELECT id FROM ${ident(module)} WHERE customerno = ${order.reference} AND subject = ${subject} ORDER BY id LIMIT 1;`,
  );
  return row?.id ?? null;
}

function ensureOrderRecord(ctx: SyncContext, module: "SalesOrder" | "Invoice", order: Order, build: () => InventoryElement): Promise<string> {
  return ensureRecord(
    ctx,
    shopEntity.order(order.id),
    module,
    () => findOrderRecord(ctx, module, order),
    async () => {
      const element = build();
      const created = await createRecord(ctx, module, element, dateOf(order.date_add));
      noteAdjustment(ctx, module, element, order);
      return created;
    },
  );
}

export function ensureSalesOrder(ctx: SyncContext, order: Order, places: OrderPlaces, ids: OrderRecordIds): Promise<string> {
  return ensureOrderRecord(ctx, "SalesOrder", order, () => salesOrderFromOrder(order, places, ids, ctx.settings));
}

export function ensureInvoice(ctx: SyncContext, order: Order, places: OrderPlaces, ids: OrderRecordIds & { salesOrderId: string }): Promise<string> {
  return ensureOrderRecord(ctx, "Invoice", order, () => invoiceFromOrder(order, places, ids, ctx.settings));
}

export function ensurePotential(ctx: SyncContext, order: Order, parties: OrderParties): Promise<string> {
  return ensureRecord(
    ctx,
    shopEntity.order(order.id),
    "Potentials",
    async () => (await findOneBy(ctx, "Potentials", "potentialname", potentialName(order, ctx.settings)))?.id ?? null,
    () => createRecord(ctx, "Potentials", potentialFromOrder(order, parties, ctx.settings), dateOf(order.date_add)),
  );
}
