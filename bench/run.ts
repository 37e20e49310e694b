/**
 * `npm run bench [-- --quick] [-- --records N]` (not a test): our exporter against the naive one
 * the original module stands for, both sandboxes in processes of their own answering each call
 * after 20 ms. The shop holds N customers (half with orders, a third with a company) and N
 * products (default 10,000; --quick 1,000); ours exports all of them, the naive one the first
 * tenth (at most 1,000), in the same run on an emptied CRM.
 *
 * Printed per kind: CRM calls per created CRM record, shop records per second, CRM records created
 * per second, peak RSS of this process (the exporter: the sandboxes run elsewhere), the bound
 * ratio and the speed-up. The bound is what `concurrency` CRM sessions can do when every call
 * takes `latency`: concurrency ÷ latency calls per second, so at best as many created records per
 * second; the ratio is our created records per second over it (1 = every session busy creating
 * all the time). Written to bench/results/latest.json as well.
 *
 * `npm run bench` runs this with a 192 MB old-space cap: without it V8 lets its heap grow with the
 * allocation rate (170 MB of heap for 33 MB alive after a GC, measured on a 40,000-product run),
 * so peak RSS would show V8's appetite rather than what the exporter holds. The heap after a forced
 * GC at the end of each run is printed too: it is what would grow if memory were not constant.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ExportKind } from "@/lib/exports/kinds";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { VtigerClient } from "@/lib/vtiger/client";
import { naiveExport } from "./naive";
import { control, startPrestashop, startVtiger } from "./sandboxes";

const LATENCY_MS = 20;
const CONCURRENCY = 8;
const CREATED_MODULES: Record<ExportKind, string[]> = { customers: ["Leads", "Contacts", "Accounts"], products: ["Products"] };

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false }, records: { type: "string" } } });
const records = Number(values.records ?? (values.quick ? 1_000 : 10_000));
if (!Number.isInteger(records) || records < 10) throw new Error("--records must be a whole number of at least 10");
const naiveRecords = Math.min(1_000, Math.floor(records / 10));
const bound = CONCURRENCY / (LATENCY_MS / 1000);

interface Measured {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  createdPerSecond: number;
  crmCalls: number;
  created: number;
  callsPerCreated: number;
  peakRssMb: number;
  /** What the exporter still holds once its garbage is collected (constant memory: the same at any size). */
  heapAfterGcMb: number;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const megabytes = (bytes: number) => round(bytes / 2 ** 20, 1);

/** Runs `work` (exporting `count` shop records) on an empty CRM, counting the CRM's calls and records and sampling our memory. */
async function measure(crmUrl: string, crm: VtigerClient, kind: ExportKind, count: number, work: () => Promise<void>): Promise<Measured> {
  await control(crmUrl, "POST", "reset");
  await control(crmUrl, "POST", "stats/reset");
  globalThis.gc?.();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = megabytes(Math.max(peakRss, process.memoryUsage.rss()));
  globalThis.gc?.();
  const heapAfterGcMb = megabytes(process.memoryUsage().heapUsed);
  const { total } = await control<{ total: number }>(crmUrl, "GET", "stats");
  // Counted after the calls were: these count queries are not the exporter's.
  const counts = await Promise.all(CREATED_MODULES[kind].map((module) => crm.count(module)));
  const created = counts.reduce((sum, each) => sum + each, 0);
  return {
    records: count,
    seconds: round(seconds),
    recordsPerSecond: round(count / seconds, 1),
    createdPerSecond: round(created / seconds, 1),
    crmCalls: total,
    created,
    callsPerCreated: round(total / Math.max(1, created), 3),
    peakRssMb,
    heapAfterGcMb,
  };
}

const database = await useTempDatabase("bench");
console.log(`Starting the sandboxes: a shop of ${records} customers and ${records} products, a CRM; both answer after ${LATENCY_MS} ms…`);
const [vtiger, shop] = await Promise.all([startVtiger(LATENCY_MS), startPrestashop({ customers: records, products: records }, LATENCY_MS)]);
try {
  // Imported once the temp database is in place: they open it.
  const { prisma } = await import("@/lib/db/prisma");
  const { connectSandboxes } = await import("@/lib/exports/connect-sandboxes");
  const { exportContextFor } = await import("@/lib/exports/context");
  const { runExport } = await import("@/lib/exports/run");
  const banner = (text: string, pattern: RegExp) => pattern.exec(text)?.[1] ?? "";
  const connectionId = await connectSandboxes(
    { url: vtiger.url, username: banner(vtiger.banner, /user: (\S+)/), accessKey: banner(vtiger.banner, /access key: (\S+)/) },
    { url: shop.url, key: banner(shop.banner, /key: (\S+)/) },
  );
  const connection = await prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
  const counter = new VtigerClient({ url: vtiger.url, username: banner(vtiger.banner, /user: (\S+)/), accessKey: banner(vtiger.banner, /access key: (\S+)/) });

  console.log(`Ours exports all ${records} records of each kind at concurrency ${CONCURRENCY}; the naive exporter the first ${naiveRecords}, one at a time.\n`);
  const results: Partial<Record<ExportKind, object>> = {};
  for (const kind of ["customers", "products"] as const) {
    const ours = await measure(vtiger.url, counter, kind, records, async () => {
      const runId = (await prisma.exportRun.create({ data: { connectionId, kind } })).id;
      const status = await runExport(runId, { concurrency: CONCURRENCY });
      if (status !== "completed") throw new Error(`the ${kind} export ended ${status}`);
      const run = await prisma.exportRun.findUniqueOrThrow({ where: { id: runId } });
      if (run.processed !== records || run.failed > 0) throw new Error(`the ${kind} export processed ${run.processed} of ${records}, ${run.failed} failed`);
    });
    const naive = await measure(vtiger.url, counter, kind, naiveRecords, async () => {
      const ctx = await exportContextFor(connection, 1);
      await naiveExport(ctx, kind, naiveRecords).finally(() => ctx.crm.close());
    });
    const result = {
      callsPerCreated: ours.callsPerCreated,
      recordsPerSecond: ours.recordsPerSecond,
      peakRssMb: ours.peakRssMb,
      heapAfterGcMb: ours.heapAfterGcMb,
      boundRatio: round(ours.createdPerSecond / bound, 3),
      speedupVsNaive: round(ours.recordsPerSecond / naive.recordsPerSecond, 1),
      ours,
      naive,
    };
    results[kind] = result;
    console.log(`${kind}:`);
    console.log(
      `  ours : ${ours.records} records in ${ours.seconds} s = ${ours.recordsPerSecond} records/s; ${ours.created} CRM records created (${ours.createdPerSecond}/s) with ${ours.crmCalls} calls = ${ours.callsPerCreated} calls per created record; peak RSS ${ours.peakRssMb} MB, heap after GC ${ours.heapAfterGcMb} MB`,
    );
    console.log(
      `  naive: ${naive.records} records in ${naive.seconds} s = ${naive.recordsPerSecond} records/s; ${naive.created} CRM records created with ${naive.crmCalls} calls = ${naive.callsPerCreated} calls per created record; peak RSS ${naive.peakRssMb} MB`,
    );
    console.log(`  bound ratio ${result.boundRatio} (${ours.createdPerSecond} created/s of ${bound}/s), speed-up vs naive ×${result.speedupVsNaive}\n`);
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify({ records, latencyMs: LATENCY_MS, concurrency: CONCURRENCY, ...results }, null, 2)}\n`);
  console.log("Written to bench/results/latest.json");
} finally {
  vtiger.stop();
  shop.stop();
  await database.cleanup();
}
