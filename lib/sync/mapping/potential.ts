import type { Order } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { compact, LEAD_SOURCE, type CrmFields } from "./element";
import { dateOf, money } from "./format";
import type { OrderParties } from "./inventory";

/** The Potential's name, its natural key: the prefix and the shop's order id ("Shop order no12"). */
export function potentialName(order: Order, settings: Pick<SyncSettings, "potentialPrefix">): string {
  return `${settings.potentialPrefix}${order.id}`;
}

/** A won deal worth the order's total, closing on the order's date; its sales stage is an R10 default. */
export function potentialFromOrder(order: Order, parties: OrderParties, settings: Pick<SyncSettings, "ownerId" | "potentialPrefix">): CrmFields {
  return compact({
    potentialname: potentialName(order, settings),
    related_to: parties.accountId,
    contact_id: parties.contactId,
    amount: money(order.total_paid_tax_incl),
    closingdate: dateOf(order.date_add),
    leadsource: LEAD_SOURCE,
    assigned_user_id: settings.ownerId,
  });
}
