import { randomUUID } from "node:crypto";
import { VtigerClient, type VtigerClientOptions } from "@/lib/vtiger/client";
import { withKeyLock } from "@/lib/jobs/key-lock";
import { UserFacingError } from "@/lib/actions/result";
import { crmCredentials, type ConnectionRow } from "./connection";

/**
 * A client for the connection's CRM; sessions are pooled per (URL, user) by the client itself.
 * `poolSize` asks for at least that many sessions (an export's concurrency).
 */
export function crmClientFor(connection: ConnectionRow, options: Pick<VtigerClientOptions, "poolSize" | "onCall"> = {}): VtigerClient {
  const creds = crmCredentials(connection);
  if (!creds) throw new UserFacingError("Connect the CRM on the Connection tab first (URL, user name and access key).");
  // CRM_TIMEOUT_MS shortens the per-call timeout (fault tests); the client's default otherwise.
  return new VtigerClient({
    ...creds,
    ...(process.env.CRM_TIMEOUT_MS ? { timeoutMs: Number(process.env.CRM_TIMEOUT_MS) } : {}),
    ...(process.env.CRM_POOL_SIZE ? { poolSize: Number(process.env.CRM_POOL_SIZE) } : {}),
    ...options,
    // Worker processes and the app share the CRM user: their logins take turns through the database.
    loginLock: (fn) => withKeyLock(`vtiger-login:${creds.url}:${creds.username.toLowerCase()}`, `login-${process.pid}-${randomUUID()}`, fn, { pollMs: 2, maxPollMs: 10 }),
  });
}
