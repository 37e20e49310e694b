/**
 * Rule R7: pair each shop currency with a CRM Currency record. Pure: the services read both sides
 * and store the result. A link the admin chose by hand wins over the automatic ISO-code match.
 */
export interface ShopCurrencyInfo {
  id: number;
  isoCode: string;
  name: string;
  conversionRate: number;
}

export interface CrmCurrencyInfo {
  id: string;
  code: string;
  name: string;
  active: boolean;
  base: boolean;
}

export interface StoredCurrencyLink {
  shopCurrencyId: number;
  crmCurrencyId: string | null;
  automatic: boolean;
}

export type CurrencyLinkState =
  | { kind: "linked"; crmCurrencyId: string; automatic: boolean }
  | { kind: "inactive"; crmCurrencyId: string; automatic: boolean }
  | { kind: "missing" };

export interface CurrencyLinkRow {
  shop: ShopCurrencyInfo;
  state: CurrencyLinkState;
}

export function planCurrencyLinks(shop: ShopCurrencyInfo[], crm: CrmCurrencyInfo[], stored: StoredCurrencyLink[]): CurrencyLinkRow[] {
  const crmById = new Map(crm.map((c) => [c.id, c]));
  const crmByCode = new Map(crm.map((c) => [c.code.toUpperCase(), c]));
  return shop.map((currency) => {
    const manual = stored.find((l) => l.shopCurrencyId === currency.id && !l.automatic && l.crmCurrencyId && crmById.has(l.crmCurrencyId));
    const target = manual ? crmById.get(manual.crmCurrencyId!) : crmByCode.get(currency.isoCode.toUpperCase());
    if (!target) return { shop: currency, state: { kind: "missing" } };
    const automatic = !manual;
    return { shop: currency, state: target.active ? { kind: "linked", crmCurrencyId: target.id, automatic } : { kind: "inactive", crmCurrencyId: target.id, automatic } };
  });
}

/** Prices go over as they are, so a shop priced in USD feeding a CRM based on EUR shows wrong amounts. */
export function baseCurrencyMismatch(shopDefaultIso: string | undefined, crm: CrmCurrencyInfo[]): { shop: string; crm: string } | null {
  const base = crm.find((c) => c.base);
  if (!shopDefaultIso || !base || base.code.toUpperCase() === shopDefaultIso.toUpperCase()) return null;
  return { shop: shopDefaultIso.toUpperCase(), crm: base.code.toUpperCase() };
}

/** vtiger's UI only offers names from its master list (reference §13); use them when we create one. */
const VTIGER_CURRENCY_NAMES: Record<string, string> = {
  EUR: "Euro",
  USD: "USA, Dollars",
  GBP: "Great Britain Pounds",
  CHF: "Switzerland Francs",
  CAD: "Canada, Dollars",
  AUD: "Australia, Dollars",
  JPY: "Japan, Yen",
  CNY: "China, Yuan Renminbi",
  SEK: "Sweden, Kronor",
  NOK: "Norway, Kroner",
  DKK: "Denmark, Kroner",
  PLN: "Poland, Zlotych",
  CZK: "Czech Republic, Koruny",
  INR: "India, Rupees",
  BRL: "Brazil, Reais",
  MXN: "Mexico, Pesos",
  MAD: "Morocco, Dirhams",
};

export function vtigerCurrencyName(iso: string, fallback: string): string {
  return VTIGER_CURRENCY_NAMES[iso.toUpperCase()] ?? fallback;
}
