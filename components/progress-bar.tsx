const TONES = { active: "bg-indigo-600", done: "bg-emerald-500", stopped: "bg-slate-400", error: "bg-red-500" } as const;

/** A determinate bar; extra attributes (data-*, test ids) land on the bar, where tests read them. */
export function ProgressBar({ value, max, tone, label, ...rest }: { value: number; max: number; tone: keyof typeof TONES; label: string } & Omit<React.ComponentProps<"div">, "children">) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : tone === "done" ? 100 : 0;
  return (
    <div {...rest} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100">
      <div className={`h-full rounded-full ${TONES[tone]} transition-[width] duration-500 ease-out`} style={{ width: `${percent}%` }} />
    </div>
  );
}
