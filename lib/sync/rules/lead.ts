import type { Customer } from "@/lib/prestashop/schemas";
import type { SyncContext } from "../context";
import { leadFromCustomer } from "../mapping/lead";
import type { ShopPlace } from "../mapping/place";
import { createRecord } from "./create-record";
import { remember, shopEntity } from "./remember";

/** R1/R2 for a customer the CRM does not know yet; the caller holds the e-mail key and has looked it up. */
export async function createLead(ctx: SyncContext, customer: Customer, place: ShopPlace | null): Promise<void> {
  const id = await createRecord(ctx, "Leads", leadFromCustomer(customer, place, ctx.settings));
  await remember(ctx, shopEntity.customer(customer.id), "Leads", id, "created");
}
