import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADMIN_PASSWORD, SERVER_LOG } from "./support/env";
import { screenshot, signIn } from "./support/app";

function setupCodeFromLog(): string {
  const match = /Setup code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(readFileSync(SERVER_LOG, "utf8"));
  if (!match?.[1]) throw new Error("no setup code in the server log");
  return match[1];
}

test("first run: the admin password needs the setup code from the server log", async ({ page }) => {
  await page.goto("/details");
  await expect(page).toHaveURL(/\/setup$/);
  await screenshot(page, "setup");

  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC");
  await page.getByLabel(/New password/).fill(ADMIN_PASSWORD);
  await page.getByLabel("Confirm the password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByTestId("code-error")).toContainText("not the one printed in the server's log");
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Setup code").fill(setupCodeFromLog());
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page).toHaveURL(/\/details$/);
  await expect(page.getByTestId("status-database")).toHaveAttribute("data-status", "ok");

  // The setup page is closed for good once an admin exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$|\/details$/);
});

test("sign-in: a wrong password is refused with a clear message, the right one is accepted", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/^Password$/).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Wrong password");
  await screenshot(page, "sign-in-refused");
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/connection");
  await expect(page).toHaveURL(/\/sign-in$/);
});
