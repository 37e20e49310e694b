import { expect, test } from "@playwright/test";
import { VtigerClient } from "@/lib/vtiger/client";
import { SANDBOX_ACCESS_KEY, SANDBOX_URL } from "./support/env";
import { screenshot, signIn } from "./support/app";
import { configureSandbox } from "./support/sandbox";

test.beforeEach(async ({ page }) => signIn(page));

async function fillCrm(page: import("@playwright/test").Page, accessKey: string) {
  await page.goto("/connection");
  await page.getByLabel("CRM URL").fill(`${SANDBOX_URL}webservice.php`);
  await page.getByLabel("User name").fill("admin");
  await page.getByLabel("Access key").fill(accessKey);
  await page.getByTestId("validate-and-test").click();
}

test("connection test names the failing step for a wrong key, then turns green with the right one", async ({ page }) => {
  await fillCrm(page, "notTheRightKey42");
  const credentials = page.getByTestId("probe-step-credentials");
  await expect(credentials).toHaveAttribute("data-status", "error");
  await expect(credentials).toContainText("The user name or access key is wrong.");
  await expect(credentials).toContainText("My Preferences → User Advanced Options → Access Key");
  await expect(page.getByTestId("probe-step-reach")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("probe-step-modules")).toHaveAttribute("data-status", "unknown");
  await expect(page.getByTestId("header-crm")).toHaveAttribute("data-status", "error");
  await screenshot(page, "connection-wrong-key");

  await fillCrm(page, SANDBOX_ACCESS_KEY);
  await expect(page.getByTestId("probe-summary")).toHaveText("Everything works.");
  await expect(page.getByTestId("probe-step-credentials")).toContainText("Signed in as admin (vtiger 8.2.0)");
  // The key is never echoed back to the browser.
  await expect(page.getByLabel("Access key")).toHaveValue("");
  expect(await page.content()).not.toContain(SANDBOX_ACCESS_KEY);
  await screenshot(page, "connection");

  await page.goto("/details");
  await expect(page.getByTestId("header-crm")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("status-crm")).toHaveAttribute("data-status", "ok");
  for (const module of ["Leads", "Contacts", "Accounts", "Potentials", "Products", "SalesOrder", "Invoice"]) {
    await expect(page.getByTestId(`perm-${module}`)).toHaveAttribute("data-status", "ok");
  }
  await expect(page.getByTestId("status-decimals")).toHaveAttribute("data-status", "ok");
  // A fresh vtiger lacks the "Prestashop" lead source: a warning that says how to add it.
  await expect(page.getByTestId("status-leadsource")).toHaveAttribute("data-status", "warn");
  await expect(page.getByTestId("status-leadsource")).toContainText("Picklist Editor");
  await screenshot(page, "details");
});

test("a module permission removed in the CRM shows a red dot naming the module", async ({ page }) => {
  await configureSandbox({ permissions: { admin: { Invoice: { create: false } } } });
  await page.goto("/details");
  await page.getByTestId("test-again").click();
  const invoice = page.getByTestId("perm-Invoice");
  await expect(invoice).toHaveAttribute("data-status", "error");
  await expect(invoice).toContainText("Invoice: not allowed to create");
  await expect(page.getByTestId("perm-Leads")).toHaveAttribute("data-status", "ok");
  await screenshot(page, "details-permission-missing");

  await configureSandbox({ permissions: { admin: { Invoice: { create: true } } } });
  await page.getByTestId("test-again").click();
  await expect(invoice).toHaveAttribute("data-status", "ok");
});

test("mandatory defaults: an invalid value is refused with the reason, a valid one is saved and reloaded", async ({ page }) => {
  await configureSandbox({ mandatory: { Leads: { designation: true } } });
  await page.goto("/details");
  // Wait for the test's own answer: the dot was already green before the click.
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/details")), page.getByTestId("test-again").click()]);

  await page.goto("/connection");
  const title = page.getByTestId("default-Leads-designation");
  await expect(title.locator("input")).toHaveValue("--None--");
  await title.locator("input").fill("   ");
  await page.getByTestId("default-Leads-designation-save").click();
  await expect(page.getByTestId("default-Leads-designation-error")).toContainText("vtiger refuses an empty mandatory field");

  const stage = page.getByTestId("default-Potentials-sales_stage");
  await stage.locator("select").selectOption("Qualification");
  await page.getByTestId("default-Potentials-sales_stage-save").click();
  await expect(stage).toContainText("Saved.");
  await page.reload();
  await expect(page.getByTestId("default-Potentials-sales_stage").locator("select")).toHaveValue("Qualification");
  await configureSandbox({ mandatory: { Leads: { designation: false } } });
});

test("a reference default (SalesOrder's Organization without Account creation) is chosen by name", async ({ page }) => {
  const crm = new VtigerClient({ url: SANDBOX_URL, username: "admin", accessKey: SANDBOX_ACCESS_KEY });
  await crm.create("Accounts", { accountname: "ACME Default Customers", assigned_user_id: "19x1" });

  await page.goto("/configuration");
  await page.getByLabel("Create an Account (Organization) for the customer").uncheck();
  await page.getByTestId("save-configuration").click();
  await expect(page.getByTestId("configuration-message")).toHaveText("Saved.");

  await page.goto("/details");
  await expect(page.getByTestId("perm-SalesOrder")).toHaveAttribute("data-status", "error");
  await expect(page.getByTestId("perm-SalesOrder")).toContainText("has no valid default");

  await page.goto("/connection");
  const row = page.getByTestId("default-SalesOrder-account_id");
  await expect(row).toHaveAttribute("data-status", "error");
  await row.getByRole("textbox").fill("acme");
  await page.getByTestId("default-SalesOrder-account_id-input-search").click();
  await row.getByRole("button", { name: /ACME Default Customers/ }).click();
  await expect(row).toContainText("Chosen: ACME Default Customers");
  await page.reload();
  await expect(page.getByTestId("default-SalesOrder-account_id")).toHaveAttribute("data-status", "ok");
  await page.goto("/details");
  await expect(page.getByTestId("perm-SalesOrder")).toHaveAttribute("data-status", "ok");
});
