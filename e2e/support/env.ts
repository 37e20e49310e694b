import path from "node:path";

/** Where the e2e app keeps its database and log: a fresh folder per run. */
export const E2E_DIR = path.resolve("test-results", "e2e-app");
export const SERVER_LOG = path.join(E2E_DIR, "server.log");
export const APP_PORT = 13_000;
export const SANDBOX_PORT = 18_081;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}/`;
export const SANDBOX_ACCESS_KEY = "e2eSandboxKey123";
export const ADMIN_PASSWORD = "correct horse battery";
export const SHOP_PORT = 18_082;
export const SHOP_URL = `http://127.0.0.1:${SHOP_PORT}/`;
export const SHOP_KEY = "E2ESHOPKEY0123456789ABCDEFGHIJKL";
