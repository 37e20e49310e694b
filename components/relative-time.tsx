"use client";

import { useI18n } from "./i18n-provider";

/** "5 minutes ago" in the admin's language, with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const { lang } = useI18n();
  const date = new Date(iso);
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  const abs = Math.abs(seconds);
  const text =
    abs < 60 ? rtf.format(seconds, "second") : abs < 3600 ? rtf.format(Math.round(seconds / 60), "minute") : abs < 86400 ? rtf.format(Math.round(seconds / 3600), "hour") : rtf.format(Math.round(seconds / 86400), "day");
  return <time dateTime={iso} title={date.toLocaleString(lang)} suppressHydrationWarning>{text}</time>;
}
