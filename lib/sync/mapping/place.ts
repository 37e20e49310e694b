import type { Address } from "@/lib/prestashop/schemas";
import type { CrmFields } from "./element";

/** A shop address with the names the CRM shows for its country and state ("" when unknown). */
export interface ShopPlace {
  address: Address;
  country: string;
  state: string;
}

/** Both address lines, as vtiger's multi-line street field holds them. */
export function streetOf(address: Address): string {
  return [address.address1, address.address2].map((line) => line.trim()).filter(Boolean).join("\n");
}

/** The company named on the customer, else on the address (many shops ask for it only there). */
export function companyOf(customerCompany: string, place: ShopPlace | null): string {
  return customerCompany.trim() || (place?.address.company.trim() ?? "");
}

/** vtiger's bill_* or ship_* block (Accounts, SalesOrder, Invoice). */
export function addressBlock(side: "bill" | "ship", place: ShopPlace | null): Record<string, string> {
  if (!place) return {};
  return {
    [`${side}_street`]: streetOf(place.address),
    [`${side}_city`]: place.address.city,
    [`${side}_state`]: place.state,
    [`${side}_code`]: place.address.postcode,
    [`${side}_country`]: place.country,
  } satisfies CrmFields;
}
