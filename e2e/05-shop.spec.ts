import { expect, test } from "@playwright/test";
import { SHOP_KEY, SHOP_URL } from "./support/env";
import { screenshot, signIn } from "./support/app";

test.beforeEach(async ({ page }) => signIn(page));

test("shop connection: a wrong key is named, the right one turns every step green", async ({ page }) => {
  await page.goto("/connection");
  await page.getByLabel("Shop URL").fill(`${SHOP_URL}api`);
  await page.getByLabel("Webservice key").fill("WRONGKEY0123456789ABCDEFGHIJKLMN");
  await page.getByTestId("validate-shop").click();
  await expect(page.getByTestId("shop-step-key")).toHaveAttribute("data-status", "error");
  await expect(page.getByTestId("shop-step-key")).toContainText(/key/i);
  await expect(page.getByTestId("shop-step-reach")).toHaveAttribute("data-status", "ok");
  await screenshot(page, "shop-wrong-key");

  await page.getByLabel("Webservice key").fill(SHOP_KEY);
  await page.getByTestId("validate-shop").click();
  await expect(page.getByTestId("shop-summary")).toContainText("Everything works.");
  await expect(page.getByTestId("shop-step-customers")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("shop-step-version")).toContainText("8");
  expect(await page.content()).not.toContain(SHOP_KEY);

  await page.goto("/details");
  await expect(page.getByTestId("status-shop")).toHaveAttribute("data-status", "ok");
});

test("webhook secret: hidden until asked, shown, regenerated after confirmation", async ({ page }) => {
  await page.goto("/connection");
  await expect(page.getByTestId("webhook-url")).toHaveValue(/\/api\/webhooks\/prestashop$/);
  const secret = page.getByTestId("webhook-secret");
  await expect(secret).toHaveValue(/^•+$/);
  await page.getByTestId("reveal-secret").click();
  await expect(secret).toHaveValue(/^whsec_/);
  const first = await secret.inputValue();

  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByTestId("regenerate-secret").click();
  await expect(secret).toHaveValue(first);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("regenerate-secret").click();
  await expect(page.getByTestId("webhook-message")).toContainText("previous one keeps working for 24 hours");
  await expect(secret).not.toHaveValue(first);
  await expect(secret).toHaveValue(/^whsec_/);
  await screenshot(page, "connection-shop");
});

test("currencies are linked automatically by ISO code, and a state mapping edit survives a reload", async ({ page }) => {
  await page.goto("/configuration");
  await expect(page.getByTestId("link-EUR")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("link-EUR")).toContainText("Linked to Euro.");
  await expect(page.getByTestId("link-USD")).toContainText("inactive");

  // The CRM user is a vtiger admin: the connector may activate the inactive currency itself.
  await page.getByTestId("fix-USD").click();
  await expect(page.getByTestId("link-USD")).toHaveAttribute("data-status", "ok");

  const paid = page.getByTestId("state-2");
  await expect(paid.getByRole("combobox").first()).toHaveValue("Approved");
  await paid.getByRole("combobox").first().selectOption("Delivered");
  await expect(page.getByTestId("state-saved")).toBeVisible();
  await paid.getByRole("combobox").nth(1).selectOption("");
  await expect(page.getByTestId("state-saved")).toBeVisible();
  await screenshot(page, "configuration-shop");
  await page.reload();
  await expect(page.getByTestId("state-2").getByRole("combobox").first()).toHaveValue("Delivered");
  await expect(page.getByTestId("state-2").getByRole("combobox").nth(1)).toHaveValue("");
});
