"use client";

import { Button } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import type { ExportKind } from "@/lib/exports/kinds";

export interface FailureRow {
  shopId: number;
  reason: string;
  /** Name and e-mail, or product name and reference, as the shop has them; null when unknown. */
  label: string | null;
}

/** The records a finished run could not export, each with its reason, and one button to retry them all. */
export function FailureList({ kind, failures, failedCount, retrying, onRetry }: { kind: ExportKind; failures: FailureRow[]; failedCount: number; retrying: boolean; onRetry: () => void }) {
  const { t, format, msg, lang } = useI18n();
  return (
    <div className="space-y-2 rounded-lg border border-red-200 p-3" data-testid={`failures-${kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-medium text-slate-900">
          {t.export.failures} ({failedCount.toLocaleString(lang)})
        </h4>
        <Button type="button" variant="secondary" className="px-3 py-1.5 text-xs" pending={retrying} data-testid={`retry-${kind}`} onClick={onRetry}>
          {retrying ? format(t.export.retrying, { n: failedCount }) : t.export.retry}
        </Button>
      </div>
      <div className="max-h-72 overflow-y-auto">
        <table className="w-full text-left text-xs">
          <thead className="sticky top-0 bg-white text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">{t.export.shopId}</th>
              <th className="py-1 pr-3 font-medium">{t.export.record}</th>
              <th className="py-1 font-medium">{t.export.reason}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-red-100">
            {failures.map((failure) => (
              <tr key={failure.shopId} className="align-top" data-testid={`failure-${kind}-${failure.shopId}`}>
                <td className="py-1.5 pr-3 font-mono tabular-nums">{failure.shopId}</td>
                <td className="py-1.5 pr-3 text-slate-800">{failure.label ?? "—"}</td>
                <td className="py-1.5 text-red-800">{msg(failure.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failedCount > failures.length && <p className="text-xs text-slate-500">{format(t.export.failuresFirst, { shown: failures.length, n: failedCount })}</p>}
    </div>
  );
}
