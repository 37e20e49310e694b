"use client";

import { StatusLine } from "@/components/status-dot";
import { useI18n } from "@/components/i18n-provider";
import type { ProbeResult } from "@/lib/settings/crm-snapshot";

/** The steps of "Validate and test", each with its dot; the failing one says how to fix it. */
export function ProbeSteps({ result }: { result: ProbeResult }) {
  const { t, msg } = useI18n();
  return (
    <ol className="divide-y divide-slate-100" data-testid="probe-steps">
      {result.steps.map((step) => (
        <StatusLine
          key={step.id}
          status={step.status === "skipped" ? "unknown" : step.status}
          title={t.probe.steps[step.id]}
          testId={`probe-step-${step.id}`}
        >
          <span>{msg(step.message)}</span>
          {step.details?.map((d) => <span key={d} className="block">{msg(d)}</span>)}
          {step.fix && <span className="mt-1 block font-medium text-slate-800">→ {msg(step.fix)}</span>}
        </StatusLine>
      ))}
    </ol>
  );
}
