import type { Customer } from "@/lib/prestashop/schemas";
import type { SyncContext } from "../context";
import { contactFromCustomer } from "../mapping/contact";
import { pick, type CrmFields } from "../mapping/element";
import { leadFromCustomer } from "../mapping/lead";
import type { ShopPlace } from "../mapping/place";
import { createLead } from "./lead";
import { naturalKey } from "./natural-keys";
import { emailOf, findRegistered, type Registered } from "./registered";
import { remember, shopEntity } from "./remember";
import { customerPlace } from "./shop-places";

/**
 * What R1 refreshes on the record of a customer who signs up again (DESIGN §2): names and phones,
 * a Lead's company too. An Account keeps its name, and the rest of it.
 */
function refreshedFields(ctx: SyncContext, registered: Registered, customer: Customer, place: ShopPlace | null): CrmFields {
  switch (registered.module) {
    case "Contacts":
      return pick(contactFromCustomer(customer, place, undefined, ctx.settings), ["firstname", "lastname", "phone", "mobile"]);
    case "Leads":
      return pick(leadFromCustomer(customer, place, ctx.settings), ["firstname", "lastname", "phone", "mobile", "company"]);
    case "Accounts":
      return {};
  }
}

/** R1, customer signs up: registered → update that record; not registered → create a Lead. */
export async function applyCustomerCreated(ctx: SyncContext, customerId: number): Promise<void> {
  const customer = await ctx.shop.getCustomer(customerId);
  const place = await customerPlace(ctx, customer);
  const email = emailOf(customer);
  await ctx.withKey(naturalKey.email(email), async () => {
    const registered = await findRegistered(ctx, email);
    if (!registered) return createLead(ctx, customer, place);
    const changes = Object.entries(refreshedFields(ctx, registered, customer, place)).filter(([field, value]) => registered.row[field] !== value);
    if (changes.length > 0) await ctx.crm.revise({ id: registered.id, ...Object.fromEntries(changes) });
    await remember(ctx, shopEntity.customer(customer.id), registered.module, registered.id, changes.length > 0 ? "updated" : "found");
  });
}
