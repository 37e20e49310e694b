import type { Customer } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { compact, type CrmFields } from "./element";
import { addressBlock, companyOf, type ShopPlace } from "./place";

/**
 * The Account name for a customer (DESIGN §2): the company, else "Lastname Firstname". `person`
 * says which, because an existing Account is reused by company name, but by a person's name only
 * when its e-mail matches (two customers may share a name, not a person).
 */
export function accountNaming(customer: Customer, place: ShopPlace | null): { name: string; person: boolean } {
  const company = companyOf(customer.company, place);
  if (company) return { name: company, person: false };
  return { name: [customer.lastname, customer.firstname].map((part) => part.trim()).filter(Boolean).join(" "), person: true };
}

/** vtiger refuses two Accounts with one name: a namesake's gets the shop customer id ("Dupont Jean (#42)"). */
export function suffixedAccountName(name: string, customerId: number): string {
  return `${name} (#${customerId})`;
}

export function accountFromCustomer(
  customer: Customer,
  place: ShopPlace | null,
  accountName: string,
  settings: Pick<SyncSettings, "ownerId">,
): CrmFields {
  return compact({
    accountname: accountName,
    email1: customer.email,
    phone: place?.address.phone,
    ...addressBlock("bill", place),
    ...addressBlock("ship", place),
    assigned_user_id: settings.ownerId,
  });
}

/** Whether `accountName` is what the connector names this customer's Account (vtiger compares names case-insensitively). */
export function isAccountNameFor(accountName: string, customer: Customer, place: ShopPlace | null): boolean {
  const fold = (name: string) => name.trim().toLowerCase();
  const { name } = accountNaming(customer, place);
  return [name, suffixedAccountName(name, customer.id)].some((candidate) => fold(candidate) === fold(accountName));
}
