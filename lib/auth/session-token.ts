import { SignJWT, jwtVerify } from "jose";
import { derivedKey } from "@/lib/crypto/master-key";

export const SESSION_COOKIE = "connector_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface SessionClaims {
  /** Admin.sessionVersion at sign-in; a password reset bumps it and voids older cookies. */
  sv: number;
}

export async function signSessionToken(claims: SessionClaims): Promise<string> {
  return new SignJWT({ sv: claims.sv })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${SESSION_TTL_SECONDS}s`)
    .setSubject("admin")
    .sign(derivedKey("session-cookie"));
}

/** Signature and expiry only (cheap, used by the proxy); the session version is checked against the DB later. */
export async function readSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, derivedKey("session-cookie"), { algorithms: ["HS256"], subject: "admin" });
    return typeof payload.sv === "number" ? { sv: payload.sv } : null;
  } catch {
    return null;
  }
}
