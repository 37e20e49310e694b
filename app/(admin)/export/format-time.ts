import type { Lang } from "@/lib/i18n/messages";

/** "45 s", "3 min 20 s", "2 h 5 min": short enough for a progress line, in any language. */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Seconds between two ISO times. */
export function secondsBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 1000;
}

/** "29 Nov 2026, 13:05" (or "13:05" with timeOnly), in the admin's language and the browser's time zone. */
export function localDateTime(iso: string, lang: Lang, timeOnly = false): string {
  return new Date(iso).toLocaleString(lang, timeOnly ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" });
}
