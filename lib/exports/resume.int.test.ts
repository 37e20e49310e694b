/** Runs that stop half-way (SIGKILL, cancel, failing records) and what finishes them. */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HARNESS_START_TIMEOUT_MS } from "@/lib/sync/rules/test-harness";
import type { ExportProgress } from "./progress";
import { startExportHarness, type ExportHarness } from "./test-harness";

const PRODUCTS = 700;
const CUSTOMERS = 400;
const LEASE_MS = 1_500;

let h: ExportHarness;
let run: typeof import("./run");
let progress: typeof import("./progress");
let failures: typeof import("./failures");
let prisma: typeof import("@/lib/db/prisma").prisma;

beforeAll(async () => {
  h = await startExportHarness("export-resume", { customers: CUSTOMERS, products: PRODUCTS });
  run = await import("./run");
  progress = await import("./progress");
  failures = await import("./failures");
  prisma = (await import("@/lib/db/prisma")).prisma;
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(async () => {
  await h.reset();
  h.vtiger.control.configure({ latencyMs: 0 });
});

/**
 * Runs the export in a process of its own (4 at once, a short lease) and SIGKILLs it once it has
 * processed `atLeast` records, as a crash or an OOM kill would; returns the run as the kill left it.
 */
async function killMidRun(runId: number, atLeast: number, pollMs: number) {
  // `node --import tsx`, not the tsx CLI: that one runs the script in a grandchild the kill would miss.
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/exports/run-cli.ts"), String(runId), "4"], {
    env: { ...process.env, CONNECTOR_DATA_DIR: h.dataDir, EXPORT_LEASE_MS: String(LEASE_MS) },
    stdio: "ignore",
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await expect.poll(async () => (await runRow(runId)).processed, { timeout: 60_000, interval: pollMs }).toBeGreaterThanOrEqual(atLeast);
  child.kill("SIGKILL");
  await exited;
  return runRow(runId);
}

const runRow = (runId: number) => prisma.exportRun.findUniqueOrThrow({ where: { id: runId } });
const codes = () => h.live("Products").map((r) => String(r.fields.productcode).toLowerCase());

describe("export runs", () => {
  it("resumes a run whose process was SIGKILLed mid-way, with exactly one Product per shop product", { timeout: 90_000 }, async () => {
    // Slow enough that the child is still mid-run when it is killed.
    h.vtiger.control.configure({ latencyMs: 8 });
    const runId = await h.newRun("products");
    const killed = await killMidRun(runId, 200, 50);
    expect(killed.status).toBe("running");
    expect(killed.processed).toBeLessThan(PRODUCTS);

    // The dead process's lease blocks a resume until it expires.
    expect(await run.runExport(runId)).toBe("busy");
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));
    h.vtiger.control.configure({ latencyMs: 0 });
    expect(await run.runExport(runId)).toBe("completed");

    const done = await runRow(runId);
    expect(done).toMatchObject({ total: PRODUCTS, processed: PRODUCTS, failed: 0 });
    expect(done.created + done.skipped).toBe(PRODUCTS);
    const shopCodes = new Set(h.shop.control.shop.table("products").all().map((p) => (String(p.reference) || `#presta_${p.id}`).toLowerCase()));
    expect(codes()).toHaveLength(shopCodes.size);
    expect(new Set(codes()).size).toBe(shopCodes.size);
    expect(await prisma.link.count({ where: { entityType: "product" } })).toBe(PRODUCTS);
  });

  it("resumes a killed customer export at app start (resumeExports): one CRM record per e-mail, one Account per company", { timeout: 90_000 }, async () => {
    h.vtiger.control.configure({ latencyMs: 15 });
    const runId = await h.newRun("customers");
    expect((await killMidRun(runId, 100, 25)).processed).toBeLessThan(CUSTOMERS);
    const createdBeforeRestart = h.live("Leads").length + h.live("Contacts").length;
    expect(createdBeforeRestart).toBeGreaterThan(0);

    h.vtiger.control.configure({ latencyMs: 0 });
    await (await import("./resume")).resumeExports();
    await expect.poll(async () => (await runRow(runId)).status, { timeout: 60_000, interval: 100 }).toBe("completed");

    const done = await runRow(runId);
    expect(done).toMatchObject({ total: CUSTOMERS, processed: CUSTOMERS, failed: 0 });
    const emails = [...h.live("Leads"), ...h.live("Contacts")].map((r) => String(r.fields.email).toLowerCase());
    const shopEmails = new Set(h.shop.control.shop.table("customers").all().map((c) => String(c.email).toLowerCase()));
    expect(emails).toHaveLength(shopEmails.size);
    expect(new Set(emails)).toEqual(shopEmails);
    const accountNames = h.live("Accounts").map((r) => String(r.fields.accountname).toLowerCase());
    expect(new Set(accountNames).size).toBe(accountNames.length);
    expect(await prisma.connection.findUniqueOrThrow({ where: { id: h.connectionId } })).toMatchObject({ customerExportLockedAt: done.finishedAt });
  });

  it("rides out a failing, slow CRM with expiring sessions: no duplicates, and what failed is exported on retry", { timeout: 120_000 }, async () => {
    process.env.CRM_TIMEOUT_MS = "300";
    h.vtiger.control.configure({ latencyMs: 2, failBeforeWrite: 0.06, failAfterWrite: 0.06, timeoutRate: 0.03, timeoutMs: 1_000, sessionMaxCalls: 25 });
    try {
      const runId = await h.newRun("customers");
      expect(await run.runExport(runId, { concurrency: 4 })).toBe("completed");
      const done = await runRow(runId);
      expect(done.processed).toBe(CUSTOMERS);
      expect(done.created + done.skipped + done.failed).toBe(CUSTOMERS);
      expect(await prisma.exportFailure.count({ where: { runId } })).toBe(done.failed);
      const stats = h.vtiger.control.stats();
      expect(stats.faults.failBeforeWrite + stats.faults.failAfterWrite + stats.faults.timeout).toBeGreaterThan(10);

      h.vtiger.control.configure({ failBeforeWrite: 0, failAfterWrite: 0, timeoutRate: 0, sessionMaxCalls: 0 });
      if (done.failed > 0) await failures.retryFailures(runId);
      const emails = [...h.live("Leads"), ...h.live("Contacts")].map((r) => String(r.fields.email).toLowerCase());
      expect(new Set(emails).size).toBe(emails.length);
      expect(emails).toHaveLength(CUSTOMERS);
      const accountNames = h.live("Accounts").map((r) => String(r.fields.accountname).toLowerCase());
      expect(new Set(accountNames).size).toBe(accountNames.length);
    } finally {
      delete process.env.CRM_TIMEOUT_MS;
      h.vtiger.control.configure({ failBeforeWrite: 0, failAfterWrite: 0, timeoutRate: 0, sessionMaxCalls: 0 });
    }
  });

  it("streams progress whose counts only grow and always add up", { timeout: 60_000 }, async () => {
    h.vtiger.control.configure({ latencyMs: 10 });
    const runId = await h.newRun("products");
    const snapshots: ExportProgress[] = [];
    const watching = (async () => {
      for await (const snapshot of progress.watchProgress(runId, 50)) snapshots.push(snapshot);
    })();
    expect(await run.runExport(runId, { concurrency: 4 })).toBe("completed");
    await watching;

    expect(snapshots.length).toBeGreaterThan(2);
    expect(snapshots.at(-1)).toMatchObject({ status: "completed", processed: PRODUCTS, total: PRODUCTS });
    // Seen moving: several different counts while running, not just the start and the end.
    expect(new Set(snapshots.filter((s) => s.status === "running").map((s) => s.processed)).size).toBeGreaterThan(2);
    snapshots.forEach((s, i) => {
      expect(s.processed).toBe(s.created + s.skipped + s.failed);
      expect(s.processed).toBeLessThanOrEqual(s.total || Number.POSITIVE_INFINITY);
      if (i > 0) expect(s.processed).toBeGreaterThanOrEqual(snapshots[i - 1]!.processed);
    });
    expect(snapshots.some((s) => s.status === "running" && s.rate !== null && s.secondsLeft !== null)).toBe(true);
  });

  it("stops a cancelled run after its current page", async () => {
    h.vtiger.control.configure({ latencyMs: 5 });
    const runId = await h.newRun("products");
    const running = run.runExport(runId, { concurrency: 2 });
    await expect.poll(async () => (await runRow(runId)).processed, { timeout: 20_000, interval: 20 }).toBeGreaterThan(0);
    const { cancelExport } = await import("./commands");
    await cancelExport(runId);
    expect(await running).toBe("cancelled");
    expect((await runRow(runId)).processed).toBeLessThan(PRODUCTS);
  });

  it("records failing records with their reason and exports them on retry", { timeout: 60_000 }, async () => {
    // A mandatory Lead field whose default is not a valid value: every Lead fails for good.
    h.vtiger.control.setMandatory("Leads", "industry", true);
    await prisma.mandatoryDefault.create({ data: { connectionId: h.connectionId, module: "Leads", field: "industry", value: "Not an industry" } });
    const { probeCrm } = await import("@/lib/settings/crm-probe");
    const probe = await probeCrm({ url: h.vtiger.url, username: h.vtiger.username, accessKey: h.vtiger.accessKey });
    await prisma.connection.update({ where: { id: h.connectionId }, data: { crmLastTestJson: JSON.stringify(probe) } });
    const runId = await h.newRun("customers");
    expect(await run.runExport(runId)).toBe("completed");
    const first = await runRow(runId);
    const leads = await prisma.exportFailure.findMany({ where: { runId } });
    expect(first.failed).toBeGreaterThan(0);
    expect(leads).toHaveLength(first.failed);
    expect(leads[0]?.reason).toMatch(/industry/);
    expect(first.processed).toBe(first.created + first.skipped + first.failed);

    await prisma.mandatoryDefault.updateMany({ where: { connectionId: h.connectionId, module: "Leads", field: "industry" }, data: { value: "Banking" } });
    expect(await failures.retryFailures(runId)).toEqual({ retried: first.failed, stillFailed: 0 });
    const retried = await runRow(runId);
    expect(retried).toMatchObject({ failed: 0, created: first.created + first.failed, processed: first.processed });
    expect(await prisma.exportFailure.count({ where: { runId } })).toBe(0);
    expect(h.live("Leads").every((lead) => lead.fields.industry === "Banking")).toBe(true);
  });
});
