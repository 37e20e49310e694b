import type { Customer } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { compact, LEAD_SOURCE, type CrmFields } from "./element";
import { companyOf, streetOf, type ShopPlace } from "./place";

/** A Lead for a shop customer; the address part comes from their first address when there is one. */
export function leadFromCustomer(customer: Customer, place: ShopPlace | null, settings: Pick<SyncSettings, "ownerId">): CrmFields {
  return compact({
    firstname: customer.firstname,
    lastname: customer.lastname,
    email: customer.email,
    company: companyOf(customer.company, place),
    leadsource: LEAD_SOURCE,
    phone: place?.address.phone,
    mobile: place?.address.phone_mobile,
    lane: place && streetOf(place.address),
    code: place?.address.postcode,
    city: place?.address.city,
    country: place?.country,
    assigned_user_id: settings.ownerId,
  });
}
