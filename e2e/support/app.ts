import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { ADMIN_PASSWORD } from "./env";

export async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel(/^Password$/).fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/details$/);
}

/** Screenshots land in e2e/screenshots/ so a person can look at every tab after a run. */
export async function screenshot(page: Page, name: string) {
  mkdirSync("e2e/screenshots", { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
