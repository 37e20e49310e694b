import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { appRoutes } from "./support/routes";
import { ADMIN_PASSWORD, E2E_DIR } from "./support/env";
import { signIn } from "./support/app";

const PUBLIC_PAGES = new Set(["/sign-in", "/setup"]);
const PUBLIC_APIS = new Set(["/api/health"]);
const PUBLIC_ACTIONS = new Set(["signIn", "createAdmin", "signOut", "setLanguage"]);

test("every page refuses an anonymous visitor (redirect to sign-in)", async ({ request }) => {
  const { pages } = appRoutes();
  expect(pages.length).toBeGreaterThanOrEqual(6);
  for (const page of pages.filter((p) => !PUBLIC_PAGES.has(p))) {
    const response = await request.get(page, { maxRedirects: 0 });
    expect(response.status(), page).toBe(307);
    expect(response.headers()["location"], page).toMatch(/\/sign-in$/);
  }
});

test("every API route except health and the signed webhook refuses an anonymous caller", async ({ request }) => {
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

/** Every server action the build knows, with a page it is served on. */
function serverActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, info]) => {
    const worker = Object.keys(info.workers)[0] ?? "app/page";
    const page = "/" + worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/");
    return { id, name: info.exportedName ?? id, page };
  });
}

const invoke = (request: import("@playwright/test").APIRequestContext, page: string, id: string, headers: Record<string, string> = {}) =>
  request.post(page, { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", ...headers }, data: "[{}]", maxRedirects: 0 });

test("every server action refuses an anonymous caller and a signed-out session", async ({ request, page }) => {
  const actions = serverActions();
  expect(actions.filter((a) => !PUBLIC_ACTIONS.has(a.name)).length).toBeGreaterThanOrEqual(6);

  for (const action of actions.filter((a) => !PUBLIC_ACTIONS.has(a.name))) {
    const response = await invoke(request, action.page, action.id);
    expect(response.status(), `anonymous ${action.name} on ${action.page}`).toBe(401);
  }

  // A cookie whose session was revoked (password reset) passes the proxy's signature check; the
  // action itself must still refuse.
  await signIn(page);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  execFileSync("npx", ["tsx", "scripts/reset-password.ts"], {
    env: { ...process.env, ADMIN_PASSWORD, CONNECTOR_DATA_DIR: path.join(E2E_DIR, "data"), DATABASE_URL: `file:${path.join(E2E_DIR, "data", "connector.db")}` },
  });
  for (const action of actions.filter((a) => !PUBLIC_ACTIONS.has(a.name))) {
    const response = await invoke(request, action.page, action.id, { Cookie: cookie });
    const body = await response.text();
    expect(body, `revoked session: ${action.name} on ${action.page}`).toContain("Sign in first");
    expect(body).not.toContain('"ok":true');
  }
  await page.goto("/details");
  await expect(page).toHaveURL(/\/sign-in$/);
});
