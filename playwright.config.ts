import { defineConfig } from "@playwright/test";

export const E2E_APP_PORT = 13_000;
export const E2E_SANDBOX_PORT = 18_081;

export default defineConfig({
  testDir: "e2e",
  // The flows share one app and one database (first run → sign-in → settings), so they run in order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "npx tsx e2e/support/serve.ts",
    url: `http://127.0.0.1:${E2E_APP_PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
