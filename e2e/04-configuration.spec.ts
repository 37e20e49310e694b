import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/app";

test.beforeEach(async ({ page }) => signIn(page));

test("an invalid prefix is refused with the reason; a valid one is saved with its live example", async ({ page }) => {
  await page.goto("/configuration");
  const prefix = page.getByLabel("Sales order prefix");
  await expect(prefix).toHaveValue("Sales order no");
  await expect(page.getByTestId("salesOrderPrefix-example")).toHaveText("Currently: Sales order no1");

  await prefix.fill("Commande é/");
  await expect(page.getByTestId("salesOrderPrefix-error")).toHaveText('Not allowed: "é" "/". Use letters without accents, digits, spaces (not first), # [ ] _ -.');
  await expect(page.getByTestId("save-configuration")).toBeDisabled();
  await prefix.fill(" SO");
  await expect(page.getByTestId("salesOrderPrefix-error")).toContainText("cannot start with a space");
  await screenshot(page, "configuration-invalid-prefix");

  await prefix.fill("SO [web] #");
  await expect(page.getByTestId("salesOrderPrefix-example")).toHaveText("Currently: SO [web] #1");
  await page.getByTestId("save-configuration").click();
  await expect(page.getByTestId("configuration-message")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Sales order prefix")).toHaveValue("SO [web] #");
  await expect(page.getByTestId("salesOrderPrefix-example")).toHaveText("Currently: SO [web] #1");
});

test("the CRM's currencies are listed with ISO code and state", async ({ page }) => {
  await page.goto("/configuration");
  const euro = page.getByTestId("currency-EUR");
  await expect(euro).toContainText("Euro");
  await expect(euro).toContainText("base currency");
  await expect(euro).toContainText("Active");
  await expect(page.getByTestId("currency-USD")).toContainText("Inactive");
  await expect(page.getByTestId("currency-shop-note")).toBeVisible();
  await screenshot(page, "configuration");
});

test("the language switch turns the UI French and back", async ({ page }) => {
  await page.goto("/connection");
  await page.getByTestId("lang-fr").click();
  await expect(page.getByRole("link", { name: "Connexion" })).toBeVisible();
  await expect(page.getByTestId("validate-and-test")).toHaveText("Valider et tester");
  await screenshot(page, "connection-fr");
  await page.goto("/export");
  await expect(page.getByText("Exporter les produits")).toBeVisible();
  await page.getByTestId("lang-en").click();
  await expect(page.getByRole("link", { name: "Connection" })).toBeVisible();
  await screenshot(page, "export");
});
