import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { appRoutes } from "./support/routes";

const PUBLIC_PAGES = new Set(["/sign-in", "/setup"]);
const PUBLIC_APIS = new Set(["/api/health"]);

test("every page refuses an anonymous visitor (redirect to sign-in)", async ({ request }) => {
  const { pages } = appRoutes();
  expect(pages.length).toBeGreaterThanOrEqual(6);
  for (const page of pages.filter((p) => !PUBLIC_PAGES.has(p))) {
    const response = await request.get(page, { maxRedirects: 0 });
    expect(response.status(), page).toBe(307);
    expect(response.headers()["location"], page).toMatch(/\/sign-in$/);
  }
});

test("every API route except health refuses an anonymous caller", async ({ request }) => {
  const { apis } = appRoutes();
  for (const api of apis.filter((a) => !PUBLIC_APIS.has(a) && !a.startsWith("/api/webhooks/"))) {
    for (const method of ["GET", "POST"] as const) {
      const response = await request.fetch(api, { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${api}`).toBe(401);
    }
  }
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true } });
});

test("every server action refuses an anonymous caller, whichever page it is posted to", async ({ request }) => {
  // The build lists every server action; each is invoked anonymously on an admin page and on the
  // public sign-in page (an action id works from any path, so the action itself must refuse).
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const ids = Object.entries(manifest.node);
  expect(ids.length).toBeGreaterThanOrEqual(6);
  const publicActions = new Set(["signIn", "createAdmin", "signOut", "setLanguage"]);
  for (const [id, info] of ids) {
    const onAdminPage = await request.post("/details", { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: "[{}]", maxRedirects: 0 });
    expect(onAdminPage.status(), `action ${info.exportedName ?? id} on /details`).toBe(401);
    if (publicActions.has(info.exportedName ?? "")) continue;
    const onPublicPage = await request.post("/sign-in", { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: "[{}]", maxRedirects: 0 });
    const body = await onPublicPage.text();
    expect(body, `action ${info.exportedName ?? id} on /sign-in`).toContain("Sign in first");
  }
});
