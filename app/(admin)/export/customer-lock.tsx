"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { useI18n } from "@/components/i18n-provider";
import { localDateTime } from "./format-time";

/** R6 runs once: says when it ran, and lets the admin unlock it deliberately. */
export function CustomerLock({ lockedAt, pending, onUnlock }: { lockedAt: string; pending: boolean; onUnlock: () => void }) {
  const { t, format, lang } = useI18n();
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3" data-testid="customer-lock">
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="h-4 w-4 shrink-0 text-slate-500">
        <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
      </svg>
      <p className="min-w-0 flex-1 text-sm text-slate-700" suppressHydrationWarning>
        {format(t.export.lockedOn, { date: localDateTime(lockedAt, lang) })}
      </p>
      <ConfirmButton label={t.export.unlock} question={t.export.unlockConfirm} yes={t.export.unlockYes} no={t.export.keepLocked} pending={pending} testId="unlock-customers" onConfirm={onUnlock} />
    </div>
  );
}
