"use server";

import { redirect } from "next/navigation";
import { setTimeout as sleep } from "node:timers/promises";
import { adminExists, checkAdminPassword, setAdminPassword, setupCodeMatches } from "@/lib/auth/admin";
import { setupSchema, signInSchema } from "@/lib/auth/auth.validation";
import { clearFailures, failureDelayMs } from "@/lib/auth/throttle";
import { clientKey, endSession, startSession } from "@/lib/auth/cookie";
import { i18nMessage } from "@/lib/i18n/encoded";
import { ensureConnection } from "@/lib/settings/connection";
import { getLang } from "@/lib/i18n/server";

type FormResult = { error: string; fieldErrors?: Record<string, string> } | undefined;

function firstIssues(issues: { path: PropertyKey[]; message: string }[]): FormResult {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return { error: Object.values(fieldErrors)[0] ?? "", fieldErrors };
}

export async function signIn(input: { password: string }): Promise<FormResult> {
  const parsed = signInSchema.safeParse(input);
  const who = await clientKey();
  const version = parsed.success ? await checkAdminPassword(parsed.data.password) : null;
  if (version === null) {
    await sleep(failureDelayMs(who));
    return { error: i18nMessage("auth.wrongPassword") };
  }
  clearFailures(who);
  await startSession(version);
  redirect("/details");
}

export async function createAdmin(input: { code: string; password: string; confirm: string }): Promise<FormResult> {
  if (await adminExists()) return { error: i18nMessage("auth.alreadySetUp") };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return firstIssues(parsed.error.issues);
  const who = await clientKey();
  if (!(await setupCodeMatches(parsed.data.code))) {
    await sleep(failureDelayMs(who));
    return { error: i18nMessage("auth.wrongSetupCode"), fieldErrors: { code: i18nMessage("auth.wrongSetupCode") } };
  }
  clearFailures(who);
  const version = await setAdminPassword(parsed.data.password);
  await ensureConnection(await getLang());
  await startSession(version);
  redirect("/details");
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}
