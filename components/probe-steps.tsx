"use client";

import { StatusLine } from "./status-dot";
import { useI18n } from "./i18n-provider";

export interface ProbeStepView {
  id: string;
  status: "ok" | "warn" | "error" | "skipped";
  message: string;
  details?: string[];
  fix?: string;
}

/** The steps of a "Validate and test", each with its dot; the failing one says how to fix it. */
export function ProbeSteps({ steps, titles, testIdPrefix }: { steps: ProbeStepView[]; titles: Record<string, string>; testIdPrefix: string }) {
  const { msg } = useI18n();
  return (
    <ol className="divide-y divide-slate-100" data-testid={`${testIdPrefix}-steps`}>
      {steps.map((step) => (
        <StatusLine key={step.id} status={step.status === "skipped" ? "unknown" : step.status} title={titles[step.id] ?? step.id} testId={`${testIdPrefix}-step-${step.id}`}>
          <span>{msg(step.message)}</span>
          {step.details?.map((d) => <span key={d} className="block">{msg(d)}</span>)}
          {step.fix && <span className="mt-1 block font-medium text-slate-800">→ {msg(step.fix)}</span>}
        </StatusLine>
      ))}
    </ol>
  );
}

/** The boxed "Test result" list under a settings form. */
export function ProbeResultPanel(props: { steps: ProbeStepView[]; titles: Record<string, string>; testIdPrefix: string }) {
  const { t } = useI18n();
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-2">
      <h3 className="pt-2 text-sm font-semibold text-slate-800">{t.connection.testResult}</h3>
      <ProbeSteps {...props} />
    </div>
  );
}

/** One line next to "Validate and test": everything works, or the first failing step's message. */
export function ProbeSummary({ ok, steps, okText, testId }: { ok: boolean; steps: ProbeStepView[]; okText: string; testId: string }) {
  const { msg } = useI18n();
  return (
    <span className={`text-sm font-medium ${ok ? "text-emerald-700" : "text-red-700"}`} data-testid={testId}>
      {ok ? okText : msg(steps.find((s) => s.status === "error")?.message ?? "")}
    </span>
  );
}
