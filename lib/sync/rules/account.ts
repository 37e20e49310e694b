import type { Customer } from "@/lib/prestashop/schemas";
import { VtigerApiError } from "@/lib/vtiger/errors";
import type { SyncContext } from "../context";
import { accountFromCustomer, accountNaming, suffixedAccountName } from "../mapping/account";
import type { ShopPlace } from "../mapping/place";
import { createRecord } from "./create-record";
import { findOneBy } from "./crm-lookup";
import { findOrCreate } from "./ensure-record";
import { naturalKey } from "./natural-keys";
import { remember, shopEntity } from "./remember";

const sameEmail = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

async function accountIdNamed(ctx: SyncContext, name: string): Promise<string | null> {
  return (await findOneBy(ctx, "Accounts", "accountname", name))?.id ?? null;
}

/**
 * vtiger refuses a second Account with the name (duplicate prevention, reference §5): when one
 * appeared since the look-up (created in the CRM meanwhile), that one is the Account.
 */
async function createAccount(ctx: SyncContext, element: Record<string, string>, name: string, orderDate: string): Promise<string> {
  try {
    return await createRecord(ctx, "Accounts", element, orderDate);
  } catch (err) {
    if (!(err instanceof VtigerApiError && err.code === "DUPLICATE")) throw err;
    const existing = await accountIdNamed(ctx, name);
    if (!existing) throw err;
    return existing;
  }
}

/**
 * The customer's Account (DESIGN §2): an existing one named after the company is shared by
 * colleagues; one named after a person is theirs only when its e-mail matches, else the new one
 * gets the customer id in its name. Takes the account-name key: hold only the e-mail key before.
 * Accounts are created for orders only (R3), so "@orderDate" defaults take `orderDate`.
 */
export async function findOrCreateAccount(ctx: SyncContext, customer: Customer, place: ShopPlace, orderDate: string): Promise<string> {
  const naming = accountNaming(customer, place);
  const entity = shopEntity.customer(customer.id);
  return ctx.withKey(naturalKey.account(naming.name), async () => {
    const namesake = await findOneBy(ctx, "Accounts", "accountname", naming.name);
    if (namesake?.id && (!naming.person || sameEmail(namesake.email1, customer.email))) {
      return remember(ctx, entity, "Accounts", namesake.id, "found");
    }
    const name = namesake ? suffixedAccountName(naming.name, customer.id) : naming.name;
    return findOrCreate(
      ctx,
      entity,
      "Accounts",
      // Without a namesake the look-up above already found nothing under this name.
      async () => (namesake ? accountIdNamed(ctx, name) : null),
      () => createAccount(ctx, accountFromCustomer(customer, place, name, ctx.settings), name, orderDate),
    );
  });
}
