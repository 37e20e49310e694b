"use client";

import { createContext, useContext } from "react";
import { catalogues, format, type Lang, type Messages } from "@/lib/i18n/messages";
import { resolveMessage } from "@/lib/i18n/encoded";

const I18nContext = createContext<Lang>("en");

export function I18nProvider({ lang, children }: { lang: Lang; children: React.ReactNode }) {
  return <I18nContext.Provider value={lang}>{children}</I18nContext.Provider>;
}

/** Messages of the current language, `format` for placeholders and `msg` for encoded server messages. */
export function useI18n(): { lang: Lang; t: Messages; format: typeof format; msg: (m: string) => string } {
  const lang = useContext(I18nContext);
  return { lang, t: catalogues[lang], format, msg: (m) => resolveMessage(m, lang) };
}
