import Link from "next/link";
import { Card } from "@/components/card";
import { StatusDot, type Status } from "@/components/status-dot";
import { RelativeTime } from "@/components/relative-time";
import { ActivityChart } from "@/components/activity-chart";
import { getMessages } from "@/lib/i18n/server";
import { ensureConnection } from "@/lib/settings/connection";
import { activityLast24h, journalFilterSchema, journalPage, OUTCOMES } from "@/lib/jobs/journal";
import { SHOP_EVENT_TYPES } from "@/lib/webhooks/contract";
import { ReplayButton, ResendForm } from "./journal-controls";

export const dynamic = "force-dynamic";

const DOT: Record<string, Status> = { applied: "ok", failed: "error", pending: "warn", processing: "warn" };

/** vtiger's own detail page for a record: index.php?module=<M>&view=Detail&record=<crmid>. */
function crmRecordUrl(crmUrl: string, module: string, id: string): string {
  return `${crmUrl}index.php?module=${encodeURIComponent(module)}&view=Detail&record=${encodeURIComponent(id.split("x")[1] ?? id)}`;
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { t } = await getMessages();
  const connection = await ensureConnection();
  const params = await searchParams;
  const filter = journalFilterSchema.catch({}).parse({ outcome: params.outcome || undefined, type: params.type || undefined, before: params.before || undefined });
  const [page, hours] = await Promise.all([journalPage(connection.id, filter), activityLast24h(connection.id)]);
  const outcomeLabel = (o: string) => t.journal[o as "applied" | "failed" | "pending" | "processing"] ?? o;
  const nextHref = (before: number) => `/journal?${new URLSearchParams({ ...(filter.outcome ? { outcome: filter.outcome } : {}), ...(filter.type ? { type: filter.type } : {}), before: String(before) })}`;

  return (
    <>
      <Card title={t.journal.activity} testId="journal-activity">
        <ActivityChart hours={hours} labels={{ applied: t.journal.applied, failed: t.journal.failed }} />
      </Card>
      <Card title={t.journal.title} intro={t.journal.intro} testId="journal">
        <form className="mb-4 flex flex-wrap items-center gap-2 text-sm" method="get">
          <select name="outcome" defaultValue={filter.outcome ?? ""} aria-label={t.journal.outcome} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">{t.journal.all}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{outcomeLabel(o)}</option>)}
          </select>
          <select name="type" defaultValue={filter.type ?? ""} aria-label={t.journal.type} className="rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">{t.journal.allTypes}</option>
            {SHOP_EVENT_TYPES.map((ty) => <option key={ty} value={ty}>{ty}</option>)}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" data-testid="journal-filter">{t.journal.filter}</button>
          <span className="flex-1" />
          <ReplayButton ids="all-failed" label={t.journal.replayAll} testId="replay-all" />
        </form>
        {page.entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t.journal.empty}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="journal-entries">
            {page.entries.map((e) => (
              <li key={e.id} className="py-3 text-sm" data-testid={`journal-${e.id}`} data-status={e.status} data-type={e.type}>
                <div className="flex flex-wrap items-center gap-3">
                  <StatusDot status={DOT[e.status] ?? "unknown"} />
                  <span className="font-mono text-xs text-slate-500"><RelativeTime iso={e.receivedAt} /></span>
                  <span className="font-medium">{e.type}</span>
                  <span className="text-slate-600">{e.entityKey}</span>
                  <span className="text-xs text-slate-500">{outcomeLabel(e.status)} · {t.journal.attempts}: {e.attempts}</span>
                  {e.nextAttemptAt && <span className="text-xs text-amber-700">{t.journal.nextAttempt} <RelativeTime iso={e.nextAttemptAt} /></span>}
                  <span className="flex-1" />
                  {e.status === "failed" && <ReplayButton ids={[e.id]} label={t.journal.replay} testId={`replay-${e.id}`} />}
                </div>
                {e.touched.length > 0 && (
                  <div className="mt-1 flex flex-wrap gap-2 pl-6 text-xs">
                    {e.touched.map((r) => (
                      <a key={`${r.module}-${r.id}-${r.action}`} href={crmRecordUrl(connection.crmUrl, r.module, r.id)} target="_blank" rel="noreferrer" className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-700 hover:underline">
                        {r.module} {r.id} · {r.action}
                      </a>
                    ))}
                  </div>
                )}
                {e.notes.map((n, i) => (
                  <p key={i} className={`pl-6 text-xs ${n.level === "warn" ? "text-amber-700" : "text-slate-500"}`}>{n.level === "warn" ? "⚠ " : ""}{n.message}</p>
                ))}
                {e.error && (
                  <p className="pl-6 text-xs text-red-700" data-testid={`journal-error-${e.id}`}>
                    {e.error}
                    {e.fix && <span className="block font-medium text-slate-800">→ {e.fix}</span>}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {page.hasMore && page.entries.length > 0 && (
          <Link href={nextHref(page.entries[page.entries.length - 1]!.id)} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">{t.journal.older}</Link>
        )}
      </Card>
      <Card title={t.journal.resendTitle} intro={t.journal.resendIntro}>
        <ResendForm />
      </Card>
    </>
  );
}
