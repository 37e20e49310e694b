/**
 * The e2e environment: a vtiger sandbox and the built app on a fresh database, with the app's log
 * written to a file (the first-run test reads the setup code from it, as an admin reads the log).
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startVtigerSandbox } from "../../sandbox/vtiger/server";
import { startPrestashopSandbox } from "../../sandbox/prestashop/server";
import { APP_PORT, E2E_DIR, SANDBOX_ACCESS_KEY, SANDBOX_PORT, SERVER_LOG, SHOP_KEY, SHOP_PORT } from "./env";

rmSync(E2E_DIR, { recursive: true, force: true });
mkdirSync(E2E_DIR, { recursive: true });

const sandbox = await startVtigerSandbox({ port: SANDBOX_PORT, users: { admin: { accessKey: SANDBOX_ACCESS_KEY } } });
const shop = await startPrestashopSandbox({ port: SHOP_PORT, key: SHOP_KEY, customers: 250, products: 300 });
const log = createWriteStream(SERVER_LOG);
const app = spawn("node_modules/.bin/next", ["start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
  env: { ...process.env, CONNECTOR_DATA_DIR: path.join(E2E_DIR, "data"), DATABASE_URL: `file:${path.join(E2E_DIR, "data", "connector.db")}` },
  stdio: ["ignore", "pipe", "pipe"],
});
app.stdout.pipe(log);
app.stderr.pipe(log);
app.stdout.pipe(process.stdout);

const stop = async () => {
  app.kill("SIGTERM");
  await Promise.all([sandbox.close(), shop.close()]);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
app.on("exit", (code) => process.exit(code ?? 1));
