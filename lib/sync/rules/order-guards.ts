import { currencySchema, type Order } from "@/lib/prestashop/schemas";
import type { SyncContext, SyncSettings } from "../context";
import { PermanentSyncError } from "../errors";

/** vtiger 5.x has no order lines over the webservice (reference §1): orders cannot go there. */
export function assertOrdersSupported(settings: Pick<SyncSettings, "snapshot">): void {
  const major = Number.parseInt(settings.snapshot.vtigerVersion, 10);
  if (major < 6) {
    throw new PermanentSyncError(
      `Orders are unsupported on vtiger ${settings.snapshot.vtigerVersion}: its webservice cannot write order lines`,
      "Upgrade the CRM to vtiger 6.0 or later; customers and products keep syncing meanwhile.",
    );
  }
}

/** The CRM Currency of the order's currency, through the currency links (R7). */
export async function crmCurrencyOf(ctx: SyncContext, order: Order): Promise<string> {
  const linked = ctx.settings.currencyLinks.get(order.id_currency);
  if (linked) return linked;
  const currency = await ctx.shop.get("currencies", order.id_currency, { schema: currencySchema });
  const iso = currency.iso_code || `#${order.id_currency}`;
  throw new PermanentSyncError(
    `Order ${order.id} is in ${iso}, which is not linked to an active CRM currency`,
    `Link ${iso} on the Configuration tab, then replay the event.`,
  );
}
