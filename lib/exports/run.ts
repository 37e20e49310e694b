import { prisma } from "@/lib/db/prisma";
import { dbTime } from "@/lib/jobs/claim";
import { logger } from "@/lib/log";
import type { SyncContext } from "@/lib/sync/context";
import { classifySyncError } from "@/lib/sync/errors";
import { exportContextFor } from "./context";
import { ENTITY_TYPE, type ExportKind, type ExportStatus, type RecordOutcome } from "./kinds";
import { saveLinks } from "./links";
import { DEFAULT_LEASE_MS, keepLease, leaseOwner, releaseLease, takeLease } from "./lease";
import { RunKeyLocks } from "./key-locks";
import type { ExportSession } from "./session";
import { sessionFor } from "./sessions";
import { failuresOf, tally } from "./tally";

/**
 * Records exported at once, each on a CRM session of its own: `EXPORT_CONCURRENCY`, else 4 — a
 * typical vtiger (one server, a handful of PHP workers) keeps serving its users meanwhile. The
 * run halves it by itself while the CRM fails or times out.
 */
export function defaultConcurrency(): number {
  const configured = Number(process.env.EXPORT_CONCURRENCY);
  return Number.isInteger(configured) && configured >= 1 ? Math.min(configured, 32) : 4;
}

export interface RunOptions {
  /** Records exported at once (and CRM sessions). Default: defaultConcurrency(). */
  concurrency?: number;
  leaseMs?: number;
  /** Stop after this many records in all (the benchmark exports the first N). */
  maxRecords?: number;
}

/**
 * Counters, failures, links and cursor of a finished page, in one transaction, and only while this
 * process still holds the run (not cancelled, lease not taken over). The cursor moves past the
 * page only now that each of its records is created, skipped or failed-and-recorded, so a resume
 * starts at the first page not fully done. false = stop: the run is no longer ours to advance.
 */
async function recordPage(run: { id: number; kind: ExportKind; connectionId: number }, owner: string, outcomes: readonly RecordOutcome[]): Promise<boolean> {
  const last = outcomes.at(-1);
  if (!last) return true;
  const counts = tally(outcomes);
  return prisma.$transaction(async (tx) => {
    // Raw: this runs for every page, and Prisma compiles each query shape anew (milliseconds).
    const count = await tx.$executeRawUnsafe(
      `UPDATE "ExportRun" SET "cursor" = ?, "processed" = "processed" + ?, "created" = "created" + ?, "skipped" = "skipped" + ?, "failed" = "failed" + ?, "updatedAt" = ?
       WHERE "id" = ? AND "leaseOwner" = ? AND "status" = 'running'`,
      last.shopId,
      counts.processed,
      counts.created,
      counts.skipped,
      counts.failed,
      dbTime(new Date()),
      run.id,
      owner,
    );
    if (count === 0) return false;
    const failures = failuresOf(outcomes);
    if (failures.length > 0) await tx.exportFailure.createMany({ data: failures.map((failure) => ({ runId: run.id, ...failure })) });
    await saveLinks(tx, run.connectionId, ENTITY_TYPE[run.kind], outcomes);
    return true;
  });
}

/** Completed; a customer export locks itself (R6: exported once). */
async function complete(runId: number, owner: string, kind: ExportKind, connectionId: number): Promise<void> {
  const finishedAt = new Date();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.exportRun.updateMany({ where: { id: runId, leaseOwner: owner, status: "running" }, data: { status: "completed", finishedAt } });
    if (count === 1 && kind === "customers") await tx.connection.update({ where: { id: connectionId }, data: { customerExportLockedAt: finishedAt } });
  });
}

async function fail(runId: number, owner: string, err: unknown): Promise<void> {
  logger.error({ runId, err }, "export run failed");
  await prisma.exportRun.updateMany({
    where: { id: runId, leaseOwner: owner, status: "running" },
    data: { status: "failed", error: classifySyncError(err).message.slice(0, 1_000), finishedAt: new Date() },
  });
}

/**
 * Runs (or resumes, from its cursor) an export run: page by page from the shop, batched look-ups,
 * bounded-concurrency creates. Returns the run's status at the end, or "busy" when another live
 * process holds it.
 */
export async function runExport(runId: number, options: RunOptions = {}): Promise<ExportStatus | "busy"> {
  const { concurrency = defaultConcurrency(), leaseMs = DEFAULT_LEASE_MS, maxRecords = Number.POSITIVE_INFINITY } = options;
  const owner = leaseOwner();
  if (!(await takeLease(runId, owner, leaseMs))) return "busy";
  const locks = new RunKeyLocks(owner, leaseMs);
  const lease = keepLease(runId, owner, leaseMs);
  let ctx: SyncContext | undefined;
  try {
    const run = await prisma.exportRun.findUniqueOrThrow({ where: { id: runId }, include: { connection: true } });
    const kind = run.kind as ExportKind;
    ctx = await exportContextFor(run.connection, concurrency);
    const session = sessionFor(kind, ctx, { concurrency, locks });
    // Counted alongside the export (a large shop takes a while to count): the page shows the total once known.
    const counted = run.processed === 0 ? countInto(runId, owner, session, maxRecords) : Promise.resolve();
    let stillOurs = true;
    for await (const outcomes of session.exportAfter(run.cursor, maxRecords - run.processed)) {
      stillOurs = await recordPage({ id: runId, kind, connectionId: run.connectionId }, owner, outcomes);
      if (!stillOurs) break;
    }
    await counted;
    if (stillOurs) await complete(runId, owner, kind, run.connectionId);
  } catch (err) {
    await fail(runId, owner, err);
  } finally {
    lease.stop();
    await releaseLease(runId, owner);
    await ctx?.crm.close();
  }
  const { status } = await prisma.exportRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
  return status as ExportStatus;
}

/** The run's total, never below what it has processed already (records added meanwhile count too). */
async function countInto(runId: number, owner: string, session: ExportSession, maxRecords: number): Promise<void> {
  const total = Math.min(await session.count(), maxRecords);
  await prisma.$executeRawUnsafe(`UPDATE "ExportRun" SET "total" = MAX(?, "processed") WHERE "id" = ? AND "leaseOwner" = ?`, total, runId, owner);
}
