import { cookies, headers } from "next/headers";
import { catalogues, LANGS, type Lang, type Messages } from "./messages";

export const LANG_COOKIE = "lang";

/** The language chosen with the switch (cookie), else the browser's preference, else English. */
export async function getLang(): Promise<Lang> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (chosen && (LANGS as string[]).includes(chosen)) return chosen as Lang;
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(code)) return code as Lang;
  }
  return "en";
}

export async function getMessages(): Promise<{ lang: Lang; t: Messages }> {
  const lang = await getLang();
  return { lang, t: catalogues[lang] };
}
