import { describe, expect, it } from "vitest";
import { baseCurrencyMismatch, planCurrencyLinks, type CrmCurrencyInfo, type ShopCurrencyInfo } from "./currency-links";

const shop: ShopCurrencyInfo[] = [
  { id: 1, isoCode: "EUR", name: "Euro", conversionRate: 1 },
  { id: 2, isoCode: "usd", name: "US Dollar", conversionRate: 1.08 },
  { id: 3, isoCode: "GBP", name: "Pound", conversionRate: 0.85 },
];
const crm: CrmCurrencyInfo[] = [
  { id: "21x1", code: "EUR", name: "Euro", active: true, base: true },
  { id: "21x2", code: "USD", name: "USA, Dollars", active: false, base: false },
  { id: "21x3", code: "CHF", name: "Swiss", active: true, base: false },
];

describe("planCurrencyLinks (R7)", () => {
  it("links by ISO code, flags inactive and missing CRM currencies", () => {
    expect(planCurrencyLinks(shop, crm, []).map((r) => r.state)).toEqual([
      { kind: "linked", crmCurrencyId: "21x1", automatic: true },
      { kind: "inactive", crmCurrencyId: "21x2", automatic: true },
      { kind: "missing" },
    ]);
  });
  it("keeps a manual link over the ISO match, unless its CRM currency is gone", () => {
    const rows = planCurrencyLinks(shop, crm, [
      { shopCurrencyId: 3, crmCurrencyId: "21x3", automatic: false },
      { shopCurrencyId: 1, crmCurrencyId: "21x9", automatic: false },
    ]);
    expect(rows[2]!.state).toEqual({ kind: "linked", crmCurrencyId: "21x3", automatic: false });
    expect(rows[0]!.state).toEqual({ kind: "linked", crmCurrencyId: "21x1", automatic: true });
  });
  it("warns when the shop's default currency is not the CRM's base currency", () => {
    expect(baseCurrencyMismatch("EUR", crm)).toBeNull();
    expect(baseCurrencyMismatch("usd", crm)).toEqual({ shop: "USD", crm: "EUR" });
  });
});
