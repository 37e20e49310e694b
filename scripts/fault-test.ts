/**
 * npm run test:faults — the sync's exactly-once guarantee under faults, in one run:
 * N events from the sandbox shop's emitter (10 % delivered twice, shuffled within each entity),
 * the vtiger sandbox failing 30 % of calls (HTTP 500 empty body before or after the write is
 * committed, timeouts) and expiring each session after 50 calls, two worker processes, one of which
 * is killed with SIGKILL 20 times at random points and restarted. After the drain, the CRM must
 * hold exactly the expected records. Ends with: faults: events=<n> lost=<n> duplicates=<n> crashes=<n>
 *
 * Options: --events N (default 5000), --crashes N (default 20), --seed N.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 5000);
const CRASHES = arg("crashes", 20);
const SEED = arg("seed", 7);
/** Share of vtiger calls that fail, split evenly between 500 before the write, 500 after it, timeouts. */
const FAULT_RATE = arg("fault-rate", 0.3);

const dataDir = mkdtempSync(path.join(tmpdir(), "connector-faults-"));
process.env.CONNECTOR_DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= "error";
delete process.env.DATABASE_URL;

const { applyMigrations } = await import("../lib/db/migrate");
applyMigrations();
const { prisma } = await import("../lib/db/prisma");
const { startVtigerSandbox } = await import("../sandbox/vtiger/server");
const { startPrestashopSandbox } = await import("../sandbox/prestashop/server");
const { ensureConnection } = await import("../lib/settings/connection");
const { saveAndTestCrm } = await import("../lib/settings/crm-connection-test");
const { saveAndTestShop } = await import("../lib/settings/shop");
const { loadCurrencyLinks, fixCrmCurrency } = await import("../lib/settings/currency-link-service");
const { loadStateMappings } = await import("../lib/settings/order-state-service");
const { webhookSecret } = await import("../lib/webhooks/secret");
const { serveRoute } = await import("../lib/testing/route-server");
const { POST } = await import("../app/api/webhooks/prestashop/route");

const progress = (message: string) => process.stderr.write(`[faults] ${message}\n`);
const crm = await startVtigerSandbox({ port: 0, seed: SEED });
const shop = await startPrestashopSandbox({ port: 0, seed: SEED, customers: 400, products: 150 });
const webhook = await serveRoute(POST);

// --- the connector, configured as an admin would ----------------------------------------------
const creds = await saveAndTestCrm({ url: crm.url, username: crm.username, accessKey: crm.accessKey });
if (!creds.ok) throw new Error(`CRM test failed: ${JSON.stringify(creds.steps)}`);
const shopTest = await saveAndTestShop({ url: shop.url, key: shop.key });
if (!shopTest.ok) throw new Error(`shop test failed: ${JSON.stringify(shopTest.steps)}`);
const connection = await prisma.connection.update({ where: { id: (await ensureConnection()).id }, data: { createAccount: true, createPotential: true } });
for (const row of (await loadCurrencyLinks()).rows) if (row.state.kind !== "linked") await fixCrmCurrency(row.shop.id);
await loadStateMappings();
shop.control.configure({ webhookUrl: `${webhook.url}/api/webhooks/prestashop`, webhookSecret: await webhookSecret(connection) });

progress("connector configured");
// --- workers in their own processes ----------------------------------------------------------
const workerEnv = {
  ...process.env,
  CONNECTOR_DATA_DIR: dataDir,
  WORKER_CONCURRENCY: "12",
  CRM_POOL_SIZE: "8",
  WORKER_LEASE_MS: "3000",
  WORKER_IDLE_MS: "50",
  WORKER_BACKOFF_BASE_MS: "20",
  WORKER_BACKOFF_MAX_MS: "500",
  WORKER_MAX_ATTEMPTS: "200",
  KEY_LOCK_LEASE_MS: "3000",
  CRM_TIMEOUT_MS: "150",
  CATCH_UP_INTERVAL_MS: "0",
};
const startWorker = () => spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: workerEnv, stdio: ["ignore", "ignore", "inherit"] });
const workers: ChildProcess[] = [startWorker(), startWorker()];

// --- faults: 30 % of vtiger calls fail, every session expires after 50 calls -----------------
crm.control.configure({
  failBeforeWrite: FAULT_RATE / 3,
  failAfterWrite: FAULT_RATE / 3,
  timeoutRate: FAULT_RATE / 3,
  timeoutMs: 250,
  faultsOnAllOps: true,
  sessionMaxCalls: 50,
});

// --- the shop's events, and the crashes while they are applied ---------------------------------
// About 10 % of the actions are delivered twice: a few more actions than needed, cut to exactly EVENTS.
const script = shop.emitter.script(Math.ceil(EVENTS / 1.08), { seed: SEED, duplicateRate: 0.1, shuffleWithinEntity: true }).slice(0, EVENTS);
// Four delivery lanes, an entity always in the same lane: its events keep the script's order.
const LANES = 4;
const lanes = Array.from({ length: LANES }, () => [] as typeof script);
for (const item of script) lanes[[...item.entity].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0) % LANES]!.push(item);
const deliveries = Promise.all(lanes.map((lane) => shop.emitter.play(lane))).then((all) => all.flat());
let crashes = 0;
const crasher = (async () => {
  while (crashes < CRASHES) {
    await sleep(500 + Math.random() * 2500);
    const victim = workers[0]!;
    victim.kill("SIGKILL");
    await new Promise((resolve) => victim.once("exit", resolve));
    crashes++;
    workers[0] = startWorker();
  }
})();
progress(`playing ${script.length} deliveries`);
const answers = await deliveries;
progress(`delivered; waiting for ${CRASHES - crashes} more crashes`);
await crasher;
const refused = answers.filter((a) => a.status !== 202 && a.status !== 200);

// --- drain, then stop the faults and compare the CRM with the shop -----------------------------
const started = Date.now();
for (;;) {
  const open = await prisma.inboxEvent.count({ where: { status: { in: ["pending", "processing"] } } });
  if (open === 0) break;
  if ((Date.now() - started) % 10_000 < 500) progress(`${open} events open`);
  if (Date.now() - started > 20 * 60_000) throw new Error(`not drained after 20 minutes: ${open} events open`);
  await sleep(500);
}
crm.control.configure({ failBeforeWrite: 0, failAfterWrite: 0, timeoutRate: 0, sessionMaxCalls: 0 });
for (const w of workers) w.kill("SIGTERM");

const failed = await prisma.inboxEvent.findMany({ where: { status: "failed" }, select: { eventId: true, type: true, lastError: true } });
const records = (module: string) => crm.control.records(module).filter((r) => !r.deleted).map((r) => r.fields);
const groups = (module: string, key: string) => {
  const map = new Map<string, number>();
  for (const r of records(module)) {
    const k = String(r[key] ?? "").toLowerCase();
    if (k) map.set(k, (map.get(k) ?? 0) + 1);
  }
  return map;
};
const keys = {
  Leads: groups("Leads", "email"),
  Contacts: groups("Contacts", "email"),
  Accounts: groups("Accounts", "accountname"),
  Products: groups("Products", "productcode"),
  SalesOrder: groups("SalesOrder", "customerno"),
  Invoice: groups("Invoice", "customerno"),
  Potentials: groups("Potentials", "potentialname"),
};
const accountEmails = groups("Accounts", "email1");
let duplicates = 0;
for (const [module, map] of Object.entries(keys)) {
  for (const [key, count] of map) {
    if (count > 1) {
      duplicates += count - 1;
      console.error(`duplicate ${module} "${key}" ×${count}`);
    }
  }
}

const data = shop.control.shop;
const email = (customerId: number) => String(data.table("customers").get(customerId)?.email ?? "").toLowerCase();
let lost = 0;
const expect = (ok: boolean, what: string) => {
  if (!ok) {
    lost++;
    console.error(`lost: ${what}`);
  }
};
const events = script.map((d) => d.event);
for (const e of events) {
  if (e.type === "customer.created" || e.type === "customer.login") {
    const m = email(e.data.customerId);
    expect(keys.Leads.has(m) || keys.Contacts.has(m) || accountEmails.has(m), `customer ${e.data.customerId} (${m})`);
  }
  if (e.type === "order.created") {
    const order = data.table("orders").get(e.data.orderId)!;
    const reference = String(order.reference).toLowerCase();
    expect(keys.SalesOrder.has(reference), `SalesOrder for order ${order.id} (${reference})`);
    expect(keys.Contacts.has(email(Number(order.id_customer))), `Contact for the customer of order ${order.id}`);
    if (Number(order.invoice_number ?? 0) > 0) expect(keys.Invoice.has(reference), `Invoice for order ${order.id} (${reference})`);
  }
  if (e.type === "product.created") {
    const product = data.table("products").get(e.data.productId)!;
    const code = String(product.reference || `#presta_${product.id}`).toLowerCase();
    expect(keys.Products.has(code), `Product ${product.id} (${code})`);
  }
}
for (const f of failed) console.error(`failed event ${f.type} ${f.eventId}: ${f.lastError}`);
console.error(`vtiger calls: ${JSON.stringify(crm.control.stats().calls)}`);
console.error(
  `details: deliveries=${answers.length} refused=${refused.length} failed=${failed.length} leads=${records("Leads").length} contacts=${records("Contacts").length} accounts=${records("Accounts").length} products=${records("Products").length} salesorders=${records("SalesOrder").length} invoices=${records("Invoice").length} drain=${((Date.now() - started) / 1000).toFixed(1)}s`,
);
console.log(`faults: events=${answers.length} lost=${lost + failed.length + refused.length} duplicates=${duplicates} crashes=${crashes}`);

await Promise.all([crm.close(), shop.close(), webhook.close()]);
await prisma.$disconnect();
rmSync(dataDir, { recursive: true, force: true });
process.exit(lost + failed.length + refused.length + duplicates === 0 ? 0 : 1);
