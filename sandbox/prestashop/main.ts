/**
 * `npm run sandbox:prestashop`: the PrestaShop webservice sandbox as a standalone process.
 * Environment: SANDBOX_PRESTASHOP_PORT (8082), _HOST (127.0.0.1), _KEY, _CUSTOMERS, _PRODUCTS,
 * _WEBHOOK_URL, _WEBHOOK_SECRET.
 */
import { startPrestashopSandbox } from "./server.ts";
import { VERSION_TRAITS } from "./versions.ts";

const env = process.env;
const count = (value: string | undefined) => (value ? Number.parseInt(value, 10) : undefined);

const sandbox = await startPrestashopSandbox({
  port: count(env.SANDBOX_PRESTASHOP_PORT) ?? 8082,
  ...(env.SANDBOX_PRESTASHOP_HOST ? { host: env.SANDBOX_PRESTASHOP_HOST } : {}),
  ...(env.SANDBOX_PRESTASHOP_CUSTOMERS ? { customers: count(env.SANDBOX_PRESTASHOP_CUSTOMERS) } : {}),
  ...(env.SANDBOX_PRESTASHOP_PRODUCTS ? { products: count(env.SANDBOX_PRESTASHOP_PRODUCTS) } : {}),
  ...(env.SANDBOX_PRESTASHOP_WEBHOOK_URL ? { webhookUrl: env.SANDBOX_PRESTASHOP_WEBHOOK_URL } : {}),
  ...(env.SANDBOX_PRESTASHOP_WEBHOOK_SECRET ? { webhookSecret: env.SANDBOX_PRESTASHOP_WEBHOOK_SECRET } : {}),
});

const state = sandbox.control.state();
process.stdout.write(
  `PrestaShop sandbox (webservice of PrestaShop ${VERSION_TRAITS[state.version].release}) on ${sandbox.url}\n` +
    `  webservice: ${sandbox.url}api/   key: ${sandbox.key}\n` +
    `  data: ${state.counts.customers} customers, ${state.counts.products} products, ${state.counts.orders} orders\n` +
    `  control: ${sandbox.url}_sandbox/state  (see sandbox/prestashop/README.md)\n` +
    `  webhooks: ${state.webhookUrl ?? "off (set SANDBOX_PRESTASHOP_WEBHOOK_URL and _SECRET)"}\n`,
);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
