import { z } from "zod";
import { i18nMessage } from "@/lib/i18n/encoded";

const ALLOWED = /^[A-Za-z0-9 #\[\]_-]$/;

/**
 * A prefix for SalesOrder subjects and Potential names (DESIGN §2): unaccented letters, digits,
 * spaces (not first), # [ ] _ -. The same schema validates the form in the browser and on the server.
 */
export const prefixSchema = z.string().superRefine((value, ctx) => {
  if (value.length === 0) return void ctx.addIssue({ code: "custom", message: i18nMessage("prefix.empty") });
  if (value.length > 40) return void ctx.addIssue({ code: "custom", message: i18nMessage("prefix.tooLong") });
  if (value.startsWith(" ")) return void ctx.addIssue({ code: "custom", message: i18nMessage("prefix.leadingSpace") });
  const bad = [...new Set([...value].filter((ch) => !ALLOWED.test(ch)))];
  if (bad.length > 0) {
    ctx.addIssue({ code: "custom", message: i18nMessage("prefix.invalidChars", { chars: bad.map((c) => `"${c}"`).join(" ") }) });
  }
});

/** What the CRM record's name will look like, e.g. "Sales order no1". */
export function prefixExample(prefix: string, orderId: number | string = 1): string {
  return `${prefix}${orderId}`;
}

export const DEFAULT_PREFIXES = {
  en: { salesOrder: "Sales order no", potential: "Shop order no" },
  fr: { salesOrder: "Bon de commande no", potential: "Commande boutique no" },
} as const;
