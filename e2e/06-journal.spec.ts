import { expect, test } from "@playwright/test";
import { APP_PORT, SHOP_URL } from "./support/env";
import { screenshot, signIn } from "./support/app";
import { configureSandbox } from "./support/sandbox";

test.beforeEach(async ({ page }) => signIn(page));

/** Points the sandbox shop's webhooks at the app with the secret shown on the Connection tab. */
async function linkShopWebhooks(page: import("@playwright/test").Page) {
  await page.goto("/connection");
  await page.getByTestId("reveal-secret").click();
  await expect(page.getByTestId("webhook-secret")).toHaveValue(/^whsec_/);
  const secret = await page.getByTestId("webhook-secret").inputValue();
  const response = await fetch(new URL("_sandbox/config", SHOP_URL), {
    method: "POST",
    body: JSON.stringify({ webhookUrl: `http://127.0.0.1:${APP_PORT}/api/webhooks/prestashop`, webhookSecret: secret }),
  });
  expect(response.ok).toBe(true);
}

async function shopAction(action: string, params: Record<string, unknown> = {}) {
  const response = await fetch(new URL(`_sandbox/actions/${action}`, SHOP_URL), { method: "POST", body: JSON.stringify(params) });
  const body = (await response.json()) as { connectorStatus: number; event: { id: string } };
  expect(body.connectorStatus).toBe(202);
  return body.event.id;
}

test("a shop action shows up in the journal and in the CRM within seconds", async ({ page }) => {
  // An earlier flow switched Account creation off; orders then need Organization defaults for
  // SalesOrder and Invoice. With it on, the order creates its own Account.
  await page.goto("/configuration");
  await page.getByLabel("Create an Account (Organization) for the customer").check();
  await page.getByTestId("save-configuration").click();
  await expect(page.getByTestId("configuration-message")).toHaveText("Saved.");
  await linkShopWebhooks(page);
  await shopAction("place-order");
  await page.goto("/journal");
  const entry = page.locator('[data-type="order.created"]').first();
  await expect(async () => {
    await page.reload();
    await expect(entry).toHaveAttribute("data-status", "applied", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(entry).toContainText("SalesOrder");
  await expect(entry.getByRole("link", { name: /SalesOrder 6x\d+/ })).toHaveAttribute("href", /index\.php\?module=SalesOrder&view=Detail&record=\d+/);
  await expect(page.getByTestId("activity-chart")).toBeVisible();
});

test("a failed event shows its reason; once the cause is fixed, a replay applies it", async ({ page }) => {
  await linkShopWebhooks(page);
  await configureSandbox({ permissions: { admin: { Leads: { create: false } } } });
  await shopAction("sign-up");

  await page.goto("/journal?outcome=failed");
  const failed = page.locator('[data-type="customer.created"][data-status="failed"]').first();
  await expect(async () => {
    await page.reload();
    await expect(failed).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(failed).toContainText(/Permission|denied/i);
  await expect(failed).toContainText("→");
  await screenshot(page, "journal-failed");

  await page.goto("/details");
  await expect(page.getByTestId("status-failed")).toHaveAttribute("data-status", "error");
  await expect(page.getByTestId("status-worker")).toHaveAttribute("data-status", "ok");

  await configureSandbox({ permissions: { admin: { Leads: { create: true } } } });
  await page.goto("/journal?outcome=failed");
  const id = (await failed.getAttribute("data-testid"))!.replace("journal-", "");
  await page.getByTestId(`replay-${id}`).click();
  await page.goto("/journal");
  const entry = page.getByTestId(`journal-${id}`);
  await expect(async () => {
    await page.reload();
    await expect(entry).toHaveAttribute("data-status", "applied", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(entry).toContainText("Leads");
  await expect(page.getByTestId("activity-chart").locator("rect").first()).toBeAttached();
  await screenshot(page, "journal");
});
