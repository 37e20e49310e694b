/**
 * npm run demo: the vtiger and PrestaShop sandboxes plus the app, pre-connected to each other.
 * Nothing else to install. Ports: SANDBOX_VTIGER_PORT (8081), SANDBOX_PRESTASHOP_PORT (8082), PORT (3000).
 * Sizing: SANDBOX_PRESTASHOP_CUSTOMERS (1000), SANDBOX_PRESTASHOP_PRODUCTS (500), SANDBOX_VTIGER_LATENCY_MS
 * (25 ms per CRM call): the Export tab's progress bar visibly moves for 10–20 s per export, while a
 * single shop event still reaches the CRM within a second or so.
 * Builds the app first when no build exists (`npm run demo -- --build` rebuilds).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startVtigerSandbox } from "../sandbox/vtiger/server";
import { startPrestashopSandbox } from "../sandbox/prestashop/server";

const appPort = Number(process.env.PORT ?? 3000);
const appUrl = `http://127.0.0.1:${appPort}/`;

if (!existsSync(".next/BUILD_ID") || process.argv.includes("--build")) {
  console.log("Building the app (first run only; `npm run demo -- --build` rebuilds)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const crm = await startVtigerSandbox({
  port: Number(process.env.SANDBOX_VTIGER_PORT ?? 8081),
  latencyMs: Number(process.env.SANDBOX_VTIGER_LATENCY_MS ?? 25),
  users: {
    admin: {
      ...(process.env.SANDBOX_VTIGER_USER ? { userName: process.env.SANDBOX_VTIGER_USER } : {}),
      ...(process.env.SANDBOX_VTIGER_ACCESS_KEY ? { accessKey: process.env.SANDBOX_VTIGER_ACCESS_KEY } : {}),
    },
  },
});
const shop = await startPrestashopSandbox({
  port: Number(process.env.SANDBOX_PRESTASHOP_PORT ?? 8082),
  customers: Number(process.env.SANDBOX_PRESTASHOP_CUSTOMERS ?? 1000),
  products: Number(process.env.SANDBOX_PRESTASHOP_PRODUCTS ?? 500),
});

const app = spawn("node_modules/.bin/next", ["start", "-p", String(appPort)], {
  stdio: "inherit",
  env: {
    ...process.env,
    DEMO_CRM_URL: crm.url,
    DEMO_CRM_USER: crm.username,
    DEMO_CRM_ACCESS_KEY: crm.accessKey,
    DEMO_SHOP_URL: shop.url,
    DEMO_SHOP_KEY: shop.key,
    DEMO_APP_URL: appUrl,
  },
});

console.log(`
  vtiger sandbox:      ${crm.url}  (user "${crm.username}", access key "${crm.accessKey}")
  PrestaShop sandbox:  ${shop.url}api/  (webservice key "${shop.key}")
  Connector app:       http://localhost:${appPort}/
  First visit: open http://localhost:${appPort}/setup and enter the "Setup code" the app prints below
  (or start the demo with ADMIN_PASSWORD=... to set the password directly). Then sign in.
  Shop actions (sign-up, order, status change…) are on the Details tab, under "Demo shop".
`);

const stop = async () => {
  app.kill("SIGTERM");
  await Promise.all([crm.close(), shop.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", async (code) => {
  await Promise.all([crm.close(), shop.close()]);
  process.exit(code ?? 0);
});
