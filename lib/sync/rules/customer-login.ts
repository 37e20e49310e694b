import type { SyncContext } from "../context";
import { createLead } from "./lead";
import { naturalKey } from "./natural-keys";
import { emailOf, findRegistered } from "./registered";
import { remember, shopEntity } from "./remember";
import { customerPlace } from "./shop-places";

/** R2, customer logs in: not registered → create a Lead; registered → nothing. */
export async function applyCustomerLogin(ctx: SyncContext, customerId: number): Promise<void> {
  const customer = await ctx.shop.getCustomer(customerId);
  const email = emailOf(customer);
  await ctx.withKey(naturalKey.email(email), async () => {
    const registered = await findRegistered(ctx, email);
    if (registered) {
      await remember(ctx, shopEntity.customer(customer.id), registered.module, registered.id, "found");
      return;
    }
    await createLead(ctx, customer, await customerPlace(ctx, customer));
  });
}
