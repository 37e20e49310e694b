import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { pickLanguage } from "@/lib/prestashop/schemas";
import { baseCurrencyMismatch, planCurrencyLinks, vtigerCurrencyName, type CurrencyLinkRow } from "@/lib/sync/currency-links";
import { ensureConnection } from "./connection";
import { crmClientFor } from "./crm-client";
import { listCrmCurrencies, type CrmCurrency } from "./configuration";
import { parseStoredProbe } from "./crm-snapshot";
import { shopClientFor } from "./shop";

export interface CurrencyLinksView {
  rows: CurrencyLinkRow[];
  crmCurrencies: CrmCurrency[];
  /** The CRM user may create/activate currencies (vtiger: admins only). */
  canFix: boolean;
  mismatch: { shop: string; crm: string } | null;
}

async function readShopCurrencies(connection: Awaited<ReturnType<typeof ensureConnection>>) {
  const shop = shopClientFor(connection);
  const [currencies, config] = await Promise.all([shop.listCurrencies(), shop.configuration(["PS_CURRENCY_DEFAULT"])]);
  const live = currencies.filter((c) => c.active && !c.deleted);
  const defaultId = Number(config.PS_CURRENCY_DEFAULT ?? 0);
  return {
    currencies: live.map((c) => ({ id: c.id, isoCode: c.iso_code.toUpperCase(), name: pickLanguage(c.name), conversionRate: c.conversion_rate || 1 })),
    defaultIso: currencies.find((c) => c.id === defaultId)?.iso_code,
  };
}

/**
 * Reads both sides, links by ISO code (manual links win) and stores the result, so the sync uses
 * exactly what the admin sees.
 */
export async function loadCurrencyLinks(): Promise<CurrencyLinksView> {
  const connection = await ensureConnection();
  const [shop, crmCurrencies, stored] = await Promise.all([
    readShopCurrencies(connection),
    listCrmCurrencies(),
    prisma.currencyLink.findMany({ where: { connectionId: connection.id } }),
  ]);
  const rows = planCurrencyLinks(shop.currencies, crmCurrencies, stored);
  await prisma.$transaction(
    rows.map((row) => {
      const crmCurrencyId = row.state.kind === "missing" ? null : row.state.crmCurrencyId;
      const automatic = row.state.kind === "missing" ? true : row.state.automatic;
      return prisma.currencyLink.upsert({
        where: { connectionId_shopCurrencyId: { connectionId: connection.id, shopCurrencyId: row.shop.id } },
        create: { connectionId: connection.id, shopCurrencyId: row.shop.id, shopIsoCode: row.shop.isoCode, crmCurrencyId, automatic },
        update: { shopIsoCode: row.shop.isoCode, crmCurrencyId, automatic },
      });
    }),
  );
  return {
    rows,
    crmCurrencies,
    canFix: parseStoredProbe(connection.crmLastTestJson)?.snapshot?.isAdmin ?? false,
    mismatch: baseCurrencyMismatch(shop.defaultIso, crmCurrencies),
  };
}

/** The admin's own choice; an empty CRM id goes back to automatic linking. */
export async function setManualCurrencyLink(shopCurrencyId: number, crmCurrencyId: string) {
  const connection = await ensureConnection();
  if (crmCurrencyId !== "" && !(await listCrmCurrencies()).some((c) => c.id === crmCurrencyId)) {
    throw new UserFacingError("This CRM currency no longer exists. Reload the page and choose again.");
  }
  await prisma.currencyLink.update({
    where: { connectionId_shopCurrencyId: { connectionId: connection.id, shopCurrencyId } },
    data: crmCurrencyId === "" ? { automatic: true } : { crmCurrencyId, automatic: false },
  });
  return loadCurrencyLinks();
}

/** Creates the missing CRM currency or activates the inactive one (vtiger lets only admins do it). */
export async function fixCrmCurrency(shopCurrencyId: number) {
  const connection = await ensureConnection();
  const view = await loadCurrencyLinks();
  const row = view.rows.find((r) => r.shop.id === shopCurrencyId);
  if (!row || row.state.kind === "linked") return view;
  if (!view.canFix) {
    throw new UserFacingError(
      `The CRM user is not a vtiger administrator, so it cannot ${row.state.kind === "missing" ? "create" : "activate"} ${row.shop.isoCode}. Ask an administrator to do it in vtiger (Settings → Currencies), then reload this page.`,
    );
  }
  const crm = crmClientFor(connection);
  if (row.state.kind === "inactive") {
    await crm.revise({ id: row.state.crmCurrencyId, currency_status: "Active" });
  } else {
    const base = view.crmCurrencies.find((c) => c.base);
    // Rates are "units per 1 base unit"; the shop's rates are against its own default currency,
    // which is the CRM's base unless the mismatch warning shows.
    const rate = view.mismatch || !base ? 1 : row.shop.conversionRate;
    await crm.create("Currency", {
      currency_name: vtigerCurrencyName(row.shop.isoCode, row.shop.name),
      currency_code: row.shop.isoCode,
      currency_symbol: row.shop.isoCode,
      conversion_rate: rate.toFixed(5),
      currency_status: "Active",
      defaultid: "0",
      deleted: "0",
    });
  }
  return loadCurrencyLinks();
}
