"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLanguage } from "@/app/language-actions";
import { useI18n } from "./i18n-provider";

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-1 text-xs" role="group" aria-label={t.app.language}>
      {(["en", "fr"] as const).map((code) => (
        <button
          key={code}
          type="button"
          disabled={pending}
          aria-pressed={lang === code}
          data-testid={`lang-${code}`}
          onClick={() => startTransition(async () => { await setLanguage(code); router.refresh(); })}
          className={`rounded px-2 py-1 font-semibold uppercase ${lang === code ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {code}
        </button>
      ))}
    </div>
  );
}
