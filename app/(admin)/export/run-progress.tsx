"use client";

import { useI18n } from "@/components/i18n-provider";
import { ProgressBar } from "@/components/progress-bar";
import type { ExportKind, ExportStatus } from "@/lib/exports/kinds";
import type { ExportProgress } from "@/lib/exports/progress";
import { shortDuration } from "./format-time";

const TONE: Record<ExportStatus, "active" | "done" | "stopped" | "error"> = { running: "active", completed: "done", cancelled: "stopped", failed: "error" };

/** The bar (carrying the raw numbers for the browser tests) and the counters under it. */
export function RunProgress({ kind, progress, label }: { kind: ExportKind; progress: ExportProgress; label: string }) {
  const { t, format, lang } = useI18n();
  const number = (n: number) => n.toLocaleString(lang);
  const running = progress.status === "running";
  const stats: Array<{ id: string; name: string; value: string; alert?: boolean }> = [
    { id: "processed", name: t.export.stats.processed, value: format(t.export.processedOf, { processed: number(progress.processed), total: number(progress.total) }) },
    { id: "created", name: t.export.stats.created, value: number(progress.created) },
    { id: "skipped", name: t.export.stats.skipped, value: number(progress.skipped) },
    { id: "failed", name: t.export.stats.failed, value: number(progress.failed), alert: progress.failed > 0 },
  ];
  if (running) {
    stats.push(
      { id: "rate", name: t.export.stats.rate, value: progress.rate === null ? "…" : format(t.export.perSecond, { rate: progress.rate.toLocaleString(lang, { maximumFractionDigits: 1 }) }) },
      { id: "time-left", name: t.export.stats.timeLeft, value: progress.secondsLeft === null ? "…" : shortDuration(progress.secondsLeft) },
    );
  }
  return (
    <div className="space-y-3">
      <ProgressBar
        value={progress.processed}
        max={progress.total}
        tone={TONE[progress.status]}
        label={label}
        data-testid={`progress-${kind}`}
        data-processed={progress.processed}
        data-total={progress.total}
        data-status={progress.status}
      />
      <dl className="flex flex-wrap gap-2" data-testid={`counts-${kind}`}>
        {stats.map((stat) => (
          <div key={stat.id} className="min-w-28 rounded-md bg-slate-50 px-3 py-2" data-testid={`${kind}-${stat.id}`}>
            <dt className="text-xs text-slate-500">{stat.name}</dt>
            <dd className={`text-sm font-semibold tabular-nums ${stat.alert ? "text-red-700" : "text-slate-900"}`}>{stat.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
