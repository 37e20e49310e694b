import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { i18nMessage } from "@/lib/i18n/encoded";
import { exportContextFor } from "./context";
import { ENTITY_TYPE, type ExportKind } from "./kinds";
import { saveLinks } from "./links";
import { RunKeyLocks } from "./key-locks";
import { DEFAULT_LEASE_MS, leaseOwner } from "./lease";
import { defaultConcurrency } from "./run";
import { sessionFor } from "./sessions";
import { failuresOf, tally } from "./tally";

/**
 * Exports the failed records of a finished run again. Those that now succeed leave the failure
 * list and move from "failed" to "created"/"skipped"; the others keep their row, with the new reason.
 */
export async function retryFailures(runId: number, options: { concurrency?: number } = {}): Promise<{ retried: number; stillFailed: number }> {
  const run = await prisma.exportRun.findUniqueOrThrow({ where: { id: runId }, include: { connection: true, failures: { select: { shopId: true } } } });
  if (run.status === "running") throw new UserFacingError(i18nMessage("export.errors.retryWhileRunning"));
  if (run.failures.length === 0) return { retried: 0, stillFailed: 0 };
  const concurrency = options.concurrency ?? defaultConcurrency();
  const ctx = await exportContextFor(run.connection, concurrency);
  try {
    const kind = run.kind as ExportKind;
    const outcomes = await sessionFor(kind, ctx, { concurrency, locks: new RunKeyLocks(leaseOwner(), DEFAULT_LEASE_MS) }).exportIds(run.failures.map((f) => f.shopId));
    const counts = tally(outcomes);
    const stillFailing = failuresOf(outcomes);
    const fixed = outcomes.filter((o) => o.outcome !== "failed").map((o) => o.shopId);
    await prisma.$transaction(async (tx) => {
      await tx.exportFailure.deleteMany({ where: { runId, shopId: { in: fixed } } });
      for (const { shopId, reason } of stillFailing) await tx.exportFailure.update({ where: { runId_shopId: { runId, shopId } }, data: { reason } });
      await tx.exportRun.update({
        where: { id: runId },
        data: { failed: { decrement: fixed.length }, created: { increment: counts.created }, skipped: { increment: counts.skipped } },
      });
      await saveLinks(tx, run.connectionId, ENTITY_TYPE[kind], outcomes);
    });
    return { retried: outcomes.length, stillFailed: stillFailing.length };
  } finally {
    await ctx.crm.close();
  }
}
