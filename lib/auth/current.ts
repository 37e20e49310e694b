import { cookies } from "next/headers";
import { currentSessionVersion } from "./admin";
import { readSessionToken, SESSION_COOKIE } from "./session-token";

export class NotSignedInError extends Error {
  constructor() {
    super("Sign in first: this action needs a signed-in administrator.");
  }
}

/** True when the request carries a valid, unexpired cookie whose session version is still current. */
export async function isSignedIn(): Promise<boolean> {
  const claims = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!claims) return false;
  return claims.sv === (await currentSessionVersion());
}

export async function requireAdmin(): Promise<void> {
  if (!(await isSignedIn())) throw new NotSignedInError();
}
