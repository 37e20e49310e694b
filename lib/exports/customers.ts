import { customerSchema, type Customer } from "@/lib/prestashop/schemas";
import type { SyncContext } from "@/lib/sync/context";
import { accountFromCustomer, isAccountNameFor } from "@/lib/sync/mapping/account";
import { contactFromCustomer } from "@/lib/sync/mapping/contact";
import { leadFromCustomer } from "@/lib/sync/mapping/lead";
import { companyOf, type ShopPlace } from "@/lib/sync/mapping/place";
import { createRecord } from "@/lib/sync/rules/create-record";
import { findOneBy } from "@/lib/sync/rules/crm-lookup";
import { naturalKey } from "@/lib/sync/rules/natural-keys";
import { emailOf, findRegistered, type Registered } from "@/lib/sync/rules/registered";
import { VtigerApiError } from "@/lib/vtiger/errors";
import { fold, rowsByValue } from "./crm-batch";
import type { CrmLink } from "./kinds";
import { customerPlaces, customersWithOrders, ShopNames } from "./places";
import { RecentCreates } from "./pool";
import type { ExportKindSpec } from "./session";

/** R6: customers without orders become Leads; buyers Contacts, in an Account when they name a company. */
export function customerSpec(ctx: SyncContext): ExportKindSpec<typeof customerSchema> {
  const names = new ShopNames(ctx.shop);
  /** A company's Account is shared by colleagues, who may be in neighbouring pages. */
  const accountCreates = new RecentCreates<string>();
  /** Two shop customers may share an e-mail: one CRM record for both. */
  const personCreates = new RecentCreates<CrmLink[]>();

  return {
    resource: "customers",
    schema: customerSchema,
    // What the Lead, Contact and Account mappings use.
    display: ["id", "email", "firstname", "lastname", "company", "id_lang", "birthday"],
    pageDone(page) {
      accountCreates.pageDone(page);
      personCreates.pageDone(page);
    },
    // One request per shop resource for the whole page, all at once.
    async readPage(customers, page) {
      const [places, buyers] = await Promise.all([customerPlaces(ctx.shop, names, customers), customersWithOrders(ctx.shop, customers.map((customer) => customer.id))]);
      const placeOf = (customer: Customer): ShopPlace | null => places.get(customer.id) ?? null;
      // The company can come from the address: known once places are.
      const companyOfBuyer = (customer: Customer) => (buyers.has(customer.id) ? companyOf(customer.company, placeOf(customer)) : "");
      const emails = customers.map((customer) => customer.email).filter((email) => email.trim() !== "");
      const companies = customers.map(companyOfBuyer).filter(Boolean);

      return {
        keys: [...emails.map(naturalKey.email), ...companies.map(naturalKey.account)],
        async lookUp() {
          // One query per module (and per 100 values) for the whole page, all at once.
          const [contacts, accounts, leads, accountsByName] = await Promise.all([
            rowsByValue(ctx.crm, "Contacts", "email", emails),
            rowsByValue(ctx.crm, "Accounts", "email1", emails, ["accountname"]),
            rowsByValue(ctx.crm, "Leads", "email", emails),
            rowsByValue(ctx.crm, "Accounts", "accountname", companies),
          ]);

          /** Same order as findRegistered: the most advanced record with the e-mail is "the" record. */
          const registeredInPage = (email: string): Registered | null => {
            for (const [module, rows] of [["Contacts", contacts], ["Accounts", accounts], ["Leads", leads]] as const) {
              const row = rows.get(fold(email));
              if (row?.id) return { module, id: row.id, row };
            }
            return null;
          };

          /** vtiger refuses a second Account with a name (DUPLICATE): the namesake is then the one. */
          const companyAccount = (customer: Customer, company: string): Promise<string> => {
            const existing = accountsByName.get(fold(company))?.id;
            if (existing) return Promise.resolve(existing);
            return accountCreates.claim(fold(company), page, async () => {
              try {
                return await createRecord(ctx, "Accounts", accountFromCustomer(customer, placeOf(customer), company, ctx.settings));
              } catch (err) {
                const namesake = err instanceof VtigerApiError && err.code === "DUPLICATE" ? await findOneBy(ctx, "Accounts", "accountname", company) : null;
                if (!namesake?.id) throw err;
                return namesake.id;
              }
            }).value;
          };

          /** The customer's new records, the Account (found or created) before the Contact in it. */
          const create = async (customer: Customer, ownAccountId: string | undefined): Promise<CrmLink[]> => {
            const place = placeOf(customer);
            if (!buyers.has(customer.id)) return [{ module: "Leads", crmId: await createRecord(ctx, "Leads", leadFromCustomer(customer, place, ctx.settings)) }];
            const company = companyOfBuyer(customer);
            const accountId = ownAccountId ?? (company ? await companyAccount(customer, company) : undefined);
            const contactId = await createRecord(ctx, "Contacts", contactFromCustomer(customer, place, accountId, ctx.settings));
            return [...(accountId ? [{ module: "Accounts" as const, crmId: accountId }] : []), { module: "Contacts", crmId: contactId }];
          };

          return async (customer, attempt) => {
            const email = emailOf(customer);
            // A retry looks again: the failed attempt's create may have gone through before its answer was lost.
            const registered = attempt === 1 ? registeredInPage(email) : await findRegistered(ctx, email);
            // The Account an interrupted run created for this buyer carries their e-mail, but the
            // Contact is still to come: that one is not "already in the CRM".
            const company = companyOfBuyer(customer);
            const ownAccount = registered?.module === "Accounts" && company !== "" && isAccountNameFor(registered.row.accountname ?? "", customer, placeOf(customer));
            if (registered && !ownAccount) return { outcome: "skipped", links: [{ module: registered.module, crmId: registered.id }] };
            const claim = personCreates.claim(fold(email), page, () => create(customer, ownAccount ? registered?.id : undefined));
            return { outcome: claim.first ? "created" : "skipped", links: await claim.value };
          };
        },
      };
    },
  };
}
