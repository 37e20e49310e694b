import type { Order } from "@/lib/prestashop/schemas";
import type { SyncContext } from "../context";
import type { CrmFields } from "../mapping/element";
import { orderCurrencyFields } from "../mapping/inventory";
import { orderLines } from "../mapping/order-lines";
import { noteAdjustment } from "./order-records";
import { orderProducts } from "./products";

export interface LinkedInventory {
  module: "SalesOrder" | "Invoice";
  id: string;
  /** What else changes on this record (a status). */
  fields?: CrmFields;
}

/**
 * Writes the order's current lines, S&H, adjustment and currency to its linked SalesOrder and
 * Invoice. They always travel together: vtiger drops S&H and adjustment when lines are resent
 * without them (reference §20), loses the lines of a record revised without them before 7.5
 * (§11.3), and resets a conversion rate left out.
 */
export async function resendOrder(ctx: SyncContext, order: Order, currencyId: string, records: readonly LinkedInventory[]): Promise<void> {
  const resent = { ...orderLines(order, await orderProducts(ctx, order)), ...orderCurrencyFields(order, currencyId) };
  for (const { module, id, fields } of records) {
    await ctx.crm.revise({ id, ...resent, ...fields });
    ctx.journal.touched(module, id, "updated");
    noteAdjustment(ctx, module, resent, order);
  }
}
