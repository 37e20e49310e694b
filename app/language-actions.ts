"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LANG_COOKIE } from "@/lib/i18n/server";

const langSchema = z.enum(["en", "fr"]);

/** The language switch: remembered in a cookie for a year. Harmless, so also offered before sign-in. */
export async function setLanguage(lang: string): Promise<void> {
  const parsed = langSchema.safeParse(lang);
  if (!parsed.success) return;
  (await cookies()).set(LANG_COOKIE, parsed.data, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
