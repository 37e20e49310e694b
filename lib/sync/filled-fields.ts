/**
 * The CRM fields the connector fills itself, per module (DESIGN §2, field mapping). Everything else
 * that the CRM marks mandatory needs an admin default (rule R10). The mapping code of each rule
 * imports this list, so the Connection tab's "mandatory fields" stays right as rules arrive.
 *
 * A field filled only in some configurations says when: "account" = only when an Account is created
 * for orders, "potential" = only when a Potential is created.
 */
export type FillCondition = "always" | "account" | "potential";

export const CRM_MODULES = ["Leads", "Contacts", "Accounts", "Potentials", "Products", "SalesOrder", "Invoice"] as const;
export type CrmModule = (typeof CRM_MODULES)[number];

const ADDRESS = (side: "bill" | "ship") =>
  [`${side}_street`, `${side}_city`, `${side}_state`, `${side}_code`, `${side}_country`] as const;

const ORDER_FIELDS: Record<string, FillCondition> = {
  subject: "always",
  customerno: "always",
  account_id: "account",
  contact_id: "always",
  potential_id: "potential",
  currency_id: "always",
  conversion_rate: "always",
  productid: "always",
  // Group tax mode: vtiger then computes the totals from what the connector sends alone (mapping/totals.ts).
  hdnTaxType: "always",
  hdnS_H_Amount: "always",
  txtAdjustment: "always",
  invoicestatus: "always",
  ...Object.fromEntries([...ADDRESS("bill"), ...ADDRESS("ship")].map((f) => [f, "always" as const])),
};

export const FILLED_FIELDS: Record<CrmModule, Record<string, FillCondition>> = {
  Leads: Object.fromEntries(
    ["firstname", "lastname", "email", "company", "leadsource", "phone", "mobile", "lane", "code", "city", "country"].map((f) => [f, "always"]),
  ),
  Contacts: {
    ...Object.fromEntries(
      ["firstname", "lastname", "email", "birthday", "leadsource", "phone", "mobile", "mailingstreet", "mailingzip", "mailingcity", "mailingcountry"].map((f) => [f, "always"]),
    ),
    account_id: "account",
  },
  Accounts: Object.fromEntries(["accountname", "email1", "phone", ...ADDRESS("bill"), ...ADDRESS("ship")].map((f) => [f, "always"])),
  Potentials: {
    potentialname: "always",
    related_to: "account",
    contact_id: "always",
    amount: "always",
    closingdate: "always",
    leadsource: "always",
  },
  Products: Object.fromEntries(
    ["productname", "productcode", "unit_price", "discontinued", "description", "qtyinstock"].map((f) => [f, "always"]),
  ),
  SalesOrder: { ...ORDER_FIELDS, sostatus: "always" },
  Invoice: { ...ORDER_FIELDS, salesorder_id: "always", invoicedate: "always" },
};

/** The owner is always the configured record owner. */
const ALWAYS_FILLED = new Set(["assigned_user_id"]);

export interface OrderSwitches {
  createAccount: boolean;
  createPotential: boolean;
}

/** When the connector leaves this field empty in the current configuration, it needs a default. */
export function fillCondition(module: CrmModule, field: string): FillCondition | undefined {
  if (ALWAYS_FILLED.has(field)) return "always";
  return FILLED_FIELDS[module][field];
}

export function isFilledByConnector(module: CrmModule, field: string, switches: OrderSwitches): boolean {
  const condition = fillCondition(module, field);
  if (condition === "always") return true;
  if (condition === "account") return switches.createAccount;
  if (condition === "potential") return switches.createPotential;
  return false;
}
