/** Applied (green) and failed (red) events per hour, as stacked bars; plain SVG, no chart library. */
export function ActivityChart({ hours, labels }: { hours: { hour: string; applied: number; failed: number }[]; labels: { applied: string; failed: string } }) {
  const max = Math.max(1, ...hours.map((h) => h.applied + h.failed));
  const width = 24 * 22;
  const height = 90;
  return (
    <figure className="space-y-1" data-testid="activity-chart">
      <svg viewBox={`0 0 ${width} ${height + 14}`} className="h-28 w-full" role="img" aria-label={`${labels.applied} / ${labels.failed}`}>
        {hours.map((h, i) => {
          const applied = (h.applied / max) * height;
          const failed = (h.failed / max) * height;
          const x = i * 22 + 3;
          const hour = new Date(h.hour).getHours();
          return (
            <g key={h.hour}>
              <title>{`${hour}:00 — ${h.applied} ${labels.applied}, ${h.failed} ${labels.failed}`}</title>
              <rect x={x} y={height - applied - failed} width={16} height={failed} className="fill-red-400" />
              <rect x={x} y={height - applied} width={16} height={applied} className="fill-emerald-400" />
              {i % 3 === 0 && <text x={x + 8} y={height + 12} textAnchor="middle" className="fill-slate-400 text-[9px]">{hour}h</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-500">
        <span><span className="mr-1 inline-block h-2 w-2 rounded-sm bg-emerald-400" />{labels.applied}</span>
        <span><span className="mr-1 inline-block h-2 w-2 rounded-sm bg-red-400" />{labels.failed}</span>
      </figcaption>
    </figure>
  );
}
