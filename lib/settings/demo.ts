import { z } from "zod";
import { logger } from "@/lib/log";
import { webhookSecret } from "@/lib/webhooks/secret";
import { ensureConnection } from "./connection";
import { saveAndTestCrm } from "./crm-connection-test";
import { saveAndTestShop, webhookUrlFor } from "./shop";
import type { DemoAction } from "./demo-actions";
import { refreshShopLinks } from "./refresh-links";

/** Set by `npm run demo`: the sandboxes' addresses and keys, and the app's own address. */
function demoEnv() {
  const env = process.env;
  return {
    crm: env.DEMO_CRM_URL && env.DEMO_CRM_USER && env.DEMO_CRM_ACCESS_KEY ? { url: env.DEMO_CRM_URL, username: env.DEMO_CRM_USER, accessKey: env.DEMO_CRM_ACCESS_KEY } : null,
    shop: env.DEMO_SHOP_URL && env.DEMO_SHOP_KEY ? { url: env.DEMO_SHOP_URL, key: env.DEMO_SHOP_KEY } : null,
    appUrl: env.DEMO_APP_URL ?? null,
  };
}

/** The demo CRM user is an admin: create/activate the sandbox shop's currencies as an admin would click. */
async function linkEveryDemoCurrency(): Promise<void> {
  const connection = await ensureConnection();
  if (!connection.crmLastTestOk || !connection.shopLastTestOk) return;
  const { loadCurrencyLinks, fixCrmCurrency } = await import("./currency-link-service");
  for (const row of (await loadCurrencyLinks()).rows) {
    if (row.state.kind !== "linked") await fixCrmCurrency(row.shop.id).catch((err) => logger.warn({ err }, "demo: currency not linked"));
  }
}

export function demoShopControlUrl(): string | null {
  const shop = demoEnv().shop;
  return shop ? new URL("_sandbox/", shop.url).toString() : null;
}

/**
 * On an empty connection, fills in the sandboxes and tests them once, so a newcomer sees green dots
 * straight away; then tells the sandbox shop where to post its webhooks and with which secret.
 * Real settings are never overwritten.
 */
export async function preconfigureDemo(): Promise<void> {
  const { crm, shop, appUrl } = demoEnv();
  if (!crm && !shop) return; // not the demo: never touch real settings
  let connection = await ensureConnection();
  if (crm && connection.crmUrl === "") {
    const result = await saveAndTestCrm(crm);
    logger.info({ url: crm.url, ok: result.ok }, "demo: CRM pre-configured to the vtiger sandbox");
  }
  if (shop && connection.shopUrl === "") {
    const result = await saveAndTestShop(shop);
    logger.info({ url: shop.url, ok: result.ok }, "demo: shop pre-configured to the PrestaShop sandbox");
  }
  await refreshShopLinks();
  await linkEveryDemoCurrency();
  connection = await ensureConnection();
  const control = demoShopControlUrl();
  if (control && appUrl && connection.shopUrl === shop?.url) {
    const response = await fetch(new URL("config", control), {
      method: "POST",
      body: JSON.stringify({ webhookUrl: webhookUrlFor(connection.publicBaseUrl || appUrl), webhookSecret: await webhookSecret(connection) }),
    });
    if (!response.ok) logger.warn({ status: response.status }, "demo: the sandbox shop refused its webhook settings");
  }
}

const demoAnswerSchema = z.looseObject({
  action: z.string(),
  result: z.record(z.string(), z.unknown()),
  event: z.looseObject({ id: z.string(), type: z.string() }),
  connectorStatus: z.number().nullable(),
});

/** Performs a shop action in the sandbox shop, which posts the signed webhook to us like the real module. */
export async function triggerDemoAction(action: DemoAction) {
  const control = demoShopControlUrl();
  if (!control) throw new Error("Not running the demo: no sandbox shop to act on.");
  const response = await fetch(new URL(`actions/${action}`, control), { method: "POST", body: "{}" });
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`The sandbox shop refused ${action}: ${JSON.stringify(body)}`);
  return demoAnswerSchema.parse(body);
}
