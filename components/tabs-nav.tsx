"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "./i18n-provider";

const TABS = ["details", "connection", "configuration", "export", "journal"] as const;

export function TabsNav() {
  const pathname = usePathname();
  const { t } = useI18n();
  return (
    <nav className="flex gap-1 border-b border-slate-200" aria-label="Tabs">
      {TABS.map((tab) => {
        const active = pathname.startsWith(`/${tab}`);
        return (
          <Link
            key={tab}
            href={`/${tab}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.tabs[tab]}
          </Link>
        );
      })}
    </nav>
  );
}
