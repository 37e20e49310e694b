import { catalogues, format, type Lang } from "./messages";

/**
 * Validation messages travel between server and browser as "i18n:<key>:<json params>", so one zod
 * schema serves both sides and the browser shows the message in the admin's language.
 */
export function i18nMessage(key: string, params: Record<string, string | number> = {}): string {
  return `i18n:${key}:${JSON.stringify(params)}`;
}

export function resolveMessage(message: string, lang: Lang): string {
  const match = /^i18n:([\w.]+):(.*)$/s.exec(message);
  if (!match) return message;
  const [, key = "", json = "{}"] = match;
  let node: unknown = catalogues[lang];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? format(node, JSON.parse(json) as Record<string, string | number>) : message;
}
