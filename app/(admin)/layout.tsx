import { redirect } from "next/navigation";
import { isSignedIn } from "@/lib/auth/current";
import { getMessages } from "@/lib/i18n/server";
import { format } from "@/lib/i18n/messages";
import { loadConnectionState } from "@/lib/settings/state";
import { StatusDot } from "@/components/status-dot";
import { TabsNav } from "@/components/tabs-nav";
import { LanguageSwitch } from "@/components/language-switch";
import { RelativeTime } from "@/components/relative-time";
import { signOut } from "../(auth)/actions";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  if (!(await isSignedIn())) redirect("/sign-in");
  const { t } = await getMessages();
  const { crm, probe } = await loadConnectionState();
  const status = !probe ? "unknown" : probe.ok ? "ok" : "error";
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <header className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">{t.app.title}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600" data-testid="header-crm" data-status={status}>
            <StatusDot status={status} />
            <span>{crm.url ? format(t.header.connectedAs, { user: crm.username, url: crm.url }) : t.header.notConnected}</span>
            <span className="text-slate-400">·</span>
            <span>
              {probe ? <>{probe.ok ? t.header.lastTestOk : t.header.lastTestFailed} <RelativeTime iso={probe.testedAt} /></> : t.header.neverTested}
            </span>
          </p>
        </div>
        <div className="flex items-center gap-3">
          <LanguageSwitch />
          <form action={signOut}>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">{t.app.signOut}</button>
          </form>
        </div>
      </header>
      <TabsNav />
      <main className="mt-6 space-y-6">{children}</main>
    </div>
  );
}
