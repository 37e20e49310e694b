import { prisma } from "@/lib/db/prisma";
import type { ExportKind, ExportStatus } from "./kinds";

export interface ExportProgress {
  runId: number;
  kind: ExportKind;
  status: ExportStatus;
  total: number;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
  /** Records per second lately; null until two samples are apart. */
  rate: number | null;
  /** Seconds until done at that rate; null when unknown. */
  secondsLeft: number | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/**
 * Records per second over the last few seconds of samples, not since the start: a resumed run's
 * downtime, or a slow first page, would otherwise skew the rate and the time left for long.
 */
export class RateMeter {
  readonly #samples: Array<{ at: number; processed: number }> = [];
  constructor(private readonly windowMs = 10_000) {}

  sample(processed: number, at = Date.now()): number | null {
    this.#samples.push({ at, processed });
    while (this.#samples.length > 2 && at - (this.#samples[1]?.at ?? at) >= this.windowMs) this.#samples.shift();
    const first = this.#samples[0];
    if (!first || at - first.at < 400) return null;
    return ((processed - first.processed) * 1000) / (at - first.at);
  }
}

export async function readProgress(runId: number, meter: RateMeter): Promise<ExportProgress | null> {
  const run = await prisma.exportRun.findUnique({ where: { id: runId } });
  if (!run) return null;
  const rate = run.status === "running" ? meter.sample(run.processed) : null;
  const left = Math.max(0, run.total - run.processed);
  return {
    runId: run.id,
    kind: run.kind as ExportKind,
    status: run.status as ExportStatus,
    total: run.total,
    processed: run.processed,
    created: run.created,
    skipped: run.skipped,
    failed: run.failed,
    rate,
    secondsLeft: rate && rate > 0 ? Math.ceil(left / rate) : null,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}

/**
 * Yields the run's progress every `intervalMs` until it has ended (the last snapshot included), or
 * for `maxMs` at most: a stream whose page was closed is not noticed by every server, so none may
 * poll forever; a page still open simply watches again.
 */
export async function* watchProgress(runId: number, intervalMs = 500, maxMs = 10 * 60_000): AsyncGenerator<ExportProgress, void, undefined> {
  const meter = new RateMeter();
  for (const until = Date.now() + maxMs; Date.now() < until; ) {
    const progress = await readProgress(runId, meter);
    if (!progress) return;
    yield progress;
    if (progress.status !== "running") return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** What the export tab shows for a kind when opened: its latest run, the failures of it, the lock. */
export async function exportOverview(connectionId: number, kind: ExportKind) {
  const run = await prisma.exportRun.findFirst({ where: { connectionId, kind }, orderBy: { id: "desc" }, include: { failures: { orderBy: { shopId: "asc" }, take: 50 } } });
  return {
    progress: run ? await readProgress(run.id, new RateMeter()) : null,
    failures: run?.failures.map((f) => ({ shopId: f.shopId, reason: f.reason })) ?? [],
  };
}
