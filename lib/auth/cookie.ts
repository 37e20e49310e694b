import { cookies, headers } from "next/headers";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, signSessionToken } from "./session-token";

export async function startSession(sessionVersion: number): Promise<void> {
  const secure = (await headers()).get("x-forwarded-proto") === "https" || process.env.COOKIE_SECURE === "1";
  (await cookies()).set(SESSION_COOKIE, await signSessionToken({ sv: sessionVersion }), {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** Key for the guessing delay: the client address as the proxy in front of us reports it. */
export async function clientKey(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}
