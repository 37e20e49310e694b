import type { Customer } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { compact, LEAD_SOURCE, type CrmFields } from "./element";
import { streetOf, type ShopPlace } from "./place";

/** A Contact for a shop customer, in the Account `accountId` when there is one. */
export function contactFromCustomer(
  customer: Customer,
  place: ShopPlace | null,
  accountId: string | undefined,
  settings: Pick<SyncSettings, "ownerId">,
): CrmFields {
  return compact({
    firstname: customer.firstname,
    lastname: customer.lastname,
    email: customer.email,
    birthday: customer.birthday,
    account_id: accountId,
    leadsource: LEAD_SOURCE,
    phone: place?.address.phone,
    mobile: place?.address.phone_mobile,
    mailingstreet: place && streetOf(place.address),
    mailingzip: place?.address.postcode,
    mailingcity: place?.address.city,
    mailingcountry: place?.country,
    assigned_user_id: settings.ownerId,
  });
}
