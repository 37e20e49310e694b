import type { Order } from "@/lib/prestashop/schemas";
import type { VtigerRow } from "@/lib/vtiger/schemas";
import type { SyncContext } from "../context";
import { isAccountNameFor } from "../mapping/account";
import { contactFromCustomer } from "../mapping/contact";
import { dateOf } from "../mapping/format";
import type { OrderParties } from "../mapping/inventory";
import type { ShopPlace } from "../mapping/place";
import { findOrCreateAccount } from "./account";
import { createRecord } from "./create-record";
import { naturalKey } from "./natural-keys";
import { emailOf, findRegistered } from "./registered";
import { remember, shopEntity } from "./remember";

/**
 * The customer side of R3 (DESIGN §2). A Contact with the order's e-mail is the customer, else an
 * Account with it; otherwise a Contact is created — an existing Lead is left as it is, since
 * vtiger's lead conversion is unreliable over the webservice. The Account is the one found by
 * e-mail, or the Contact's own, or, with "create an Account" on, one found or created by name —
 * before the Contact, which is created in it. `place` is the order's invoice address.
 */
export async function orderCustomer(ctx: SyncContext, order: Order, place: ShopPlace): Promise<OrderParties> {
  const customer = await ctx.shop.getCustomer(order.id_customer);
  const entity = shopEntity.customer(customer.id);
  const orderDate = dateOf(order.date_add);
  const email = emailOf(customer);
  return ctx.withKey(naturalKey.email(email), async () => {
    const registered = await findRegistered(ctx, email);
    // The Account an earlier attempt at this order created before its answer was lost carries the
    // e-mail too, but it is the customer's Organization, not the customer: the Contact is yet to come.
    const createdForOrder = (account: VtigerRow) => ctx.settings.createAccount && isAccountNameFor(account.accountname ?? "", customer, place);
    if (registered?.module === "Accounts" && !createdForOrder(registered.row)) {
      return { accountId: await remember(ctx, entity, "Accounts", registered.id, "found") };
    }
    const contact = registered?.module === "Contacts" ? registered : null;
    const contactsAccountId = contact?.row.account_id || undefined;
    if (contactsAccountId) await remember(ctx, entity, "Accounts", contactsAccountId, "found");
    const accountId = contactsAccountId ?? (ctx.settings.createAccount ? await findOrCreateAccount(ctx, customer, place, orderDate) : undefined);
    if (!contact) {
      const id = await createRecord(ctx, "Contacts", contactFromCustomer(customer, place, accountId, ctx.settings), orderDate);
      return { accountId, contactId: await remember(ctx, entity, "Contacts", id, "created") };
    }
    const linksAccount = accountId !== undefined && contactsAccountId === undefined;
    if (linksAccount) await ctx.crm.revise({ id: contact.id, account_id: accountId });
    return { accountId, contactId: await remember(ctx, entity, "Contacts", contact.id, linksAccount ? "updated" : "found") };
  });
}
