import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log";
import { runExport } from "./run";

/** How often a run held by another process is looked at again: its holder may have died. */
const RECHECK_MS = 5_000;

/**
 * Follows one running run until it ends: runs it when its lease is free, else waits — a process
 * killed mid-run leaves its lease to expire, and then this one takes over from the cursor.
 */
async function resumeWhenFree(runId: number): Promise<void> {
  for (;;) {
    const result = await runExport(runId);
    if (result !== "busy") return;
    const run = await prisma.exportRun.findUnique({ where: { id: runId }, select: { status: true, leaseUntil: true } });
    if (run?.status !== "running") return;
    const wait = Math.max(RECHECK_MS, (run.leaseUntil?.getTime() ?? 0) - Date.now() + 100);
    await new Promise((resolve) => setTimeout(resolve, wait).unref());
  }
}

/** At app start: every export left running (restart, crash, SIGKILL) continues where it stopped. */
export async function resumeExports(): Promise<void> {
  const runs = await prisma.exportRun.findMany({ where: { status: "running" }, select: { id: true } });
  for (const { id } of runs) {
    resumeWhenFree(id).catch((err: unknown) => logger.error({ runId: id, err }, "resuming an export failed"));
  }
  if (runs.length > 0) logger.info({ runs: runs.map((r) => r.id) }, "resuming exports");
}
