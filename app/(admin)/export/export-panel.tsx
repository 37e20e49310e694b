"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, FormMessage } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import type { ExportKind } from "@/lib/exports/kinds";
import type { ExportProgress } from "@/lib/exports/progress";
import { cancelExportAction, retryFailuresAction, startExportAction, unlockCustomersAction } from "./actions";
import { CustomerLock } from "./customer-lock";
import { FailureList, type FailureRow } from "./failure-list";
import { RunProgress } from "./run-progress";
import { RunStatus } from "./run-status";
import { useExportRun } from "./use-export-run";

export interface ExportPanelProps {
  kind: ExportKind;
  title: string;
  text: string;
  /** The latest run as the page was rendered; null before the first. */
  initial: ExportProgress | null;
  /** The failures of that run (the first ones). */
  failures: FailureRow[];
  /** Customers only: when the export completed (R6: locked since). */
  lockedAt: string | null;
  /** Shop and CRM connected, the CRM tested. */
  ready: boolean;
}

type Message = { kind: "ok" | "error"; text: string };
type Busy = "start" | "cancel" | "retry" | "unlock";

export function ExportPanel({ kind, title, text, initial, failures, lockedAt, ready }: ExportPanelProps) {
  const { t, format, msg } = useI18n();
  const router = useRouter();
  const { progress, follow, streamError } = useExportRun(initial);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState<Busy>();
  const [pending, startTransition] = useTransition();
  const running = progress?.status === "running";

  /** Runs one button's action; its answer (or error, in the admin's language) shows under the panel. */
  const act = (what: Busy, run: () => Promise<Message | undefined>) => {
    setBusy(what);
    setMessage(undefined);
    startTransition(async () => setMessage(await run()));
  };
  const failure = (error: string): Message => ({ kind: "error", text: msg(error) });

  const start = () =>
    act("start", async () => {
      const result = await startExportAction({ kind });
      if (!result.ok) return failure(result.error);
      void follow(result.data.runId);
    });
  const cancel = (runId: number) =>
    act("cancel", async () => {
      const result = await cancelExportAction({ runId });
      return result.ok ? undefined : failure(result.error);
    });
  const retry = (runId: number) =>
    act("retry", async () => {
      const result = await retryFailuresAction({ runId });
      if (!result.ok) return failure(result.error);
      router.refresh();
      const { retried, stillFailed } = result.data;
      return { kind: stillFailed === 0 ? "ok" : "error", text: format(t.export.retried, { n: retried, fixed: retried - stillFailed, failed: stillFailed }) };
    });
  const unlock = () =>
    act("unlock", async () => {
      const result = await unlockCustomersAction({ confirmed: true });
      if (!result.ok) return failure(result.error);
      router.refresh();
      return { kind: "ok", text: t.export.unlocked };
    });

  const isBusy = (what: Busy) => pending && busy === what;
  const why = !ready ? t.export.notReady : null;
  // The failure list belongs to the run the page was rendered with; a newer run shows its own once done.
  const shownFailures = !running && progress && progress.runId === initial?.runId ? failures : [];
  return (
    <section className="space-y-3 py-5 first:pt-0 last:pb-0" data-testid={`export-${kind}`}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-2xl">
          <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
          <p className="mt-0.5 text-sm text-slate-600">{text}</p>
        </div>
        <div className="flex gap-2">
          {running && (
            <Button type="button" variant="secondary" pending={isBusy("cancel")} data-testid={`cancel-${kind}`} onClick={() => cancel(progress.runId)}>
              {t.export.cancel}
            </Button>
          )}
          <Button type="button" pending={isBusy("start")} disabled={!ready || running || Boolean(lockedAt)} aria-describedby={why ? `why-${kind}` : undefined} data-testid={`start-${kind}`} onClick={start}>
            {t.export.start}
          </Button>
        </div>
      </div>
      {why && (
        <p id={`why-${kind}`} className="text-sm font-medium text-amber-800" data-testid={`why-${kind}`}>
          {why}
        </p>
      )}
      {lockedAt && !running && <CustomerLock lockedAt={lockedAt} pending={isBusy("unlock")} onUnlock={unlock} />}
      <RunStatus progress={progress} testId={`status-${kind}`} />
      {progress && <RunProgress kind={kind} progress={progress} label={title} />}
      {streamError && <FormMessage kind="error">{msg(streamError)}</FormMessage>}
      {message && <FormMessage kind={message.kind} testId={`message-${kind}`}>{message.text}</FormMessage>}
      {progress && shownFailures.length > 0 && <FailureList kind={kind} failures={shownFailures} failedCount={progress.failed} retrying={isBusy("retry")} onRetry={() => retry(progress.runId)} />}
    </section>
  );
}
