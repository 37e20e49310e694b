import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./support/app";
import { configureSandbox } from "./support/sandbox";

// Earlier flows connected the CRM (03) and the shop (05): the exports can run. The sandbox shop
// has a few hundred products and customers (serve.ts), so a run has several pages to show.
test.beforeEach(async ({ page }) => signIn(page));
test.afterEach(() => configureSandbox({ latencyMs: 0, permissions: { admin: { Leads: { create: true } } } }));

/**
 * A slower CRM keeps a run going for a few seconds, however fast the connector gets: each page of
 * 100 records takes at least 100 × 60 ms / 4 sessions = 1.5 s. Long enough to watch it move.
 */
const CRM_LATENCY_MS = 60;

const bar = (page: Page, kind: string) => page.getByTestId(`progress-${kind}`);
const tile = async (page: Page, kind: string, stat: string) => (await page.getByTestId(`${kind}-${stat}`).locator("dd").innerText()).trim();

/**
 * Samples the bar while the run goes, reloading the page once in the middle: processed only ever
 * grows, moves several times, and the run goes on after the reload (the tab picks its stream up).
 */
async function followRun(page: Page, kind: string, shot: string) {
  await expect(bar(page, kind)).toHaveAttribute("data-status", "running");
  const seen: number[] = [];
  let reloadedAt: number | null = null;
  let shotTaken = false;
  for (const until = Date.now() + 45_000; Date.now() < until; await page.waitForTimeout(100)) {
    const [status, processed] = await Promise.all([bar(page, kind).getAttribute("data-status"), bar(page, kind).getAttribute("data-processed")]);
    const value = Number(processed);
    if (value !== seen.at(-1)) {
      expect(value, `processed went back from ${seen.at(-1)} to ${value}`).toBeGreaterThan(seen.at(-1) ?? -1);
      seen.push(value);
    }
    if (status !== "running") break;
    if (reloadedAt === null && value > 0) {
      reloadedAt = value;
      await page.reload();
      await expect(bar(page, kind), "the run was over by the reload: make it longer").toHaveAttribute("data-status", "running");
    } else if (reloadedAt !== null && !shotTaken && value > reloadedAt) {
      await expect(page.getByTestId(`${kind}-rate`)).toContainText("per second");
      await screenshot(page, shot);
      shotTaken = true;
    }
  }
  expect(reloadedAt, "never saw the run move").not.toBeNull();
  expect(seen.filter((value) => value > reloadedAt!).length, `no progress after the reload: ${seen.join(" → ")}`).toBeGreaterThan(0);
  expect(seen.length, `too few moves seen: ${seen.join(" → ")}`).toBeGreaterThanOrEqual(3);
}

/** The final numbers, as the page shows them: processed = total = created + skipped + failed. */
async function finalCounts(page: Page, kind: string) {
  await expect(bar(page, kind)).toHaveAttribute("data-status", "completed", { timeout: 45_000 });
  const total = Number(await bar(page, kind).getAttribute("data-total"));
  expect(total).toBeGreaterThan(100);
  expect(Number(await bar(page, kind).getAttribute("data-processed"))).toBe(total);
  expect(await tile(page, kind, "processed")).toBe(`${total} of ${total}`);
  const number = async (stat: string) => Number(await tile(page, kind, stat));
  const [created, skipped, failed] = await Promise.all([number("created"), number("skipped"), number("failed")]);
  expect(created + skipped + failed).toBe(total);
  await expect(page.getByTestId(`${kind}-rate`)).toHaveCount(0);
  return { total, created, skipped, failed };
}

test("a product export streams its progress, goes on after a reload, and ends with its counts", async ({ page }) => {
  await configureSandbox({ latencyMs: CRM_LATENCY_MS });
  await page.goto("/export");
  await expect(page.getByTestId("status-products")).toContainText("Not run yet.");
  await page.getByTestId("start-products").click();
  await expect(page.getByTestId("status-products")).toHaveAttribute("data-status", "busy");
  await expect(page.getByTestId("start-products")).toBeDisabled();
  await followRun(page, "products", "07-export-running");

  const counts = await finalCounts(page, "products");
  expect(counts.created).toBeGreaterThan(0);
  expect(counts.failed).toBe(0);
  await expect(page.getByTestId("status-products")).toHaveAttribute("data-status", "ok");
  await expect(page.getByTestId("status-products")).toContainText("Completed on");
  await expect(page.getByTestId("start-products")).toBeEnabled();
  await screenshot(page, "07-export-products");
});

test("the customer export lists its failures, retries them once fixed, then locks until unlocked deliberately", async ({ page }) => {
  // Leads may not be created: customers without orders fail with the CRM's reason.
  await configureSandbox({ latencyMs: CRM_LATENCY_MS, permissions: { admin: { Leads: { create: false } } } });
  await page.goto("/export");
  await page.getByTestId("start-customers").click();
  await followRun(page, "customers", "07-export-customers-running");
  const counts = await finalCounts(page, "customers");
  expect(counts.failed).toBeGreaterThan(0);

  await expect(page.getByTestId("status-customers")).toHaveAttribute("data-status", "warn");
  await expect(page.getByTestId("status-customers")).toContainText(`${counts.failed} records failed`);
  const failures = page.getByTestId("failures-customers");
  await expect(failures).toContainText(/permission|denied/i);
  await expect(failures.locator("tbody tr").first()).toContainText("@"); // the customer's e-mail, not just an id
  await expect(page.getByTestId("customer-lock")).toContainText("Customers were exported on");
  await expect(page.getByTestId("start-customers")).toBeDisabled();
  await screenshot(page, "07-export-customers-failures");

  await configureSandbox({ latencyMs: 0, permissions: { admin: { Leads: { create: true } } } });
  await page.getByTestId("retry-customers").click();
  await expect(page.getByTestId("message-customers")).toHaveText(`${counts.failed} retried: ${counts.failed} now in the CRM, 0 still failing.`);
  await expect(failures).toHaveCount(0);
  expect(await tile(page, "customers", "failed")).toBe("0");
  expect(Number(await tile(page, "customers", "created")) + Number(await tile(page, "customers", "skipped"))).toBe(counts.total);
  await expect(page.getByTestId("status-customers")).toHaveAttribute("data-status", "ok");

  // Unlocking asks first; keeping it locked changes nothing.
  await page.getByTestId("unlock-customers").click();
  await expect(page.getByTestId("unlock-customers-confirm")).toContainText("Export the customers once more?");
  await screenshot(page, "07-export-unlock-confirm");
  await page.getByTestId("unlock-customers-no").click();
  await expect(page.getByTestId("customer-lock")).toBeVisible();
  await expect(page.getByTestId("start-customers")).toBeDisabled();

  await page.getByTestId("unlock-customers").click();
  await page.getByTestId("unlock-customers-yes").click();
  await expect(page.getByTestId("message-customers")).toHaveText("Unlocked: the customer export can run again.");
  await expect(page.getByTestId("customer-lock")).toHaveCount(0);
  await expect(page.getByTestId("start-customers")).toBeEnabled();
});

test("a cancelled export stops, says so, and stays unlocked; the tab reads in French too", async ({ page, context }) => {
  // A re-run only looks customers up (all are in the CRM by now): the CRM must be very slow for
  // its first page to be still under way when Cancel is clicked.
  await configureSandbox({ latencyMs: 1_000 });
  await page.goto("/export");
  await page.getByTestId("start-customers").click();
  await page.getByTestId("cancel-customers").click();
  await expect(bar(page, "customers")).toHaveAttribute("data-status", "cancelled");
  await expect(page.getByTestId("status-customers")).toHaveAttribute("data-status", "warn");
  await expect(page.getByTestId("status-customers")).toContainText("Cancelled on");
  const processed = await bar(page, "customers").getAttribute("data-processed");

  // The run stopped: a few seconds later nothing moved, it did not complete, nothing got locked.
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(bar(page, "customers")).toHaveAttribute("data-status", "cancelled");
  await expect(bar(page, "customers")).toHaveAttribute("data-processed", processed ?? "");
  await expect(page.getByTestId("customer-lock")).toHaveCount(0);
  await expect(page.getByTestId("start-customers")).toBeEnabled();

  await context.addCookies([{ name: "lang", value: "fr", url: page.url() }]);
  await page.reload();
  await expect(page.getByTestId("status-customers")).toContainText("Annulé le");
  await expect(page.getByTestId("status-products")).toContainText("Terminé le");
  await expect(page.getByTestId("products-skipped")).toContainText("Ignorés (déjà dans le CRM)");
  await screenshot(page, "07-export-fr");
});
