"use client";

import { StatusLine, type Status } from "@/components/status-dot";
import { useI18n } from "@/components/i18n-provider";
import type { ExportProgress } from "@/lib/exports/progress";
import { localDateTime, secondsBetween, shortDuration } from "./format-time";

/** The run's state as a dot and a sentence; a failed run also says what to do about it. */
export function RunStatus({ progress, testId }: { progress: ExportProgress | null; testId: string }) {
  const { t, format, lang, msg } = useI18n();
  const s = t.export.status;
  let status: Status = "unknown";
  let sentence = s.never;
  let fix: string | null = null;
  if (progress) {
    const date = localDateTime(progress.finishedAt ?? progress.startedAt, lang);
    const duration = shortDuration(secondsBetween(progress.startedAt, progress.finishedAt ?? progress.startedAt));
    switch (progress.status) {
      case "running":
        status = "busy";
        sentence = format(s.running, { time: localDateTime(progress.startedAt, lang, true) });
        break;
      case "completed":
        status = progress.failed > 0 ? "warn" : "ok";
        sentence = format(progress.failed > 0 ? s.completedWithFailures : s.completed, { date, duration, n: progress.failed });
        break;
      case "cancelled":
        status = "warn";
        sentence = format(s.cancelled, { date, processed: progress.processed, total: progress.total });
        break;
      case "failed":
        status = "error";
        sentence = format(s.failed, { date, error: msg(progress.error ?? "") });
        fix = s.failedFix;
        break;
    }
  }
  return (
    <ul>
      <StatusLine status={status} testId={testId}>
        {/* Dates are formatted in the browser's time zone, which the server cannot know. */}
        <span suppressHydrationWarning>{sentence}</span>
        {fix && <span className="mt-1 block font-medium text-slate-800">→ {fix}</span>}
      </StatusLine>
    </ul>
  );
}
