/** "busy": something is under way (an export running); the dot pulses. */
export type Status = "ok" | "warn" | "error" | "unknown" | "busy";

const COLOURS: Record<Status, string> = {
  ok: "bg-emerald-500",
  warn: "bg-amber-400",
  error: "bg-red-500",
  unknown: "bg-slate-300",
  busy: "animate-pulse bg-indigo-500",
};

const LABELS: Record<Status, string> = { ok: "OK", warn: "Warning", error: "Error", unknown: "Unknown", busy: "In progress" };

/** A coloured dot with an accessible name; `data-status` lets tests read the colour's meaning. */
export function StatusDot({ status }: { status: Status }) {
  return (
    <span
      role="img"
      aria-label={LABELS[status]}
      data-status={status}
      className={`inline-block h-3 w-3 shrink-0 rounded-full ring-2 ring-white ${COLOURS[status]}`}
    />
  );
}

/** Every status is a dot and a sentence. */
export function StatusLine({ status, title, children, testId }: { status: Status; title?: string; children: React.ReactNode; testId?: string }) {
  return (
    <li className="flex items-start gap-3 py-2" data-testid={testId} data-status={status}>
      <span className="mt-1.5"><StatusDot status={status} /></span>
      <div className="min-w-0">
        {title && <div className="text-sm font-medium text-slate-900">{title}</div>}
        <div className="text-sm text-slate-600">{children}</div>
      </div>
    </li>
  );
}
