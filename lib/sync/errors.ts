import { VtigerApiError, VtigerError } from "@/lib/vtiger/errors";
import { PrestashopError } from "@/lib/prestashop/errors";

/**
 * A failure retrying cannot fix (mandatory field without a valid default, access denied, currency
 * not linked…): the event is kept as failed with the reason and the fix, and replayed on request.
 */
export class PermanentSyncError extends Error {
  constructor(message: string, readonly fix: string) {
    super(message);
    this.name = "PermanentSyncError";
  }
}

export type ErrorClass = { kind: "transient" | "permanent"; message: string; fix?: string };

/**
 * Transient: network, timeouts, HTTP 5xx, empty bodies, expired sessions (the clients say so with
 * `transient`). Permanent: everything the admin must fix first.
 */
export function classifySyncError(err: unknown): ErrorClass {
  if (err instanceof PermanentSyncError) return { kind: "permanent", message: err.message, fix: err.fix };
  if (err instanceof VtigerError || err instanceof PrestashopError) {
    // The shop may reject an id that disappeared meanwhile (404): nothing to retry.
    const kind = err.transient ? "transient" : "permanent";
    const fix =
      err instanceof VtigerApiError && err.code === "ACCESS_DENIED"
        ? "Give the CRM user's profile the missing rights (vtiger: Settings → Profiles), then replay."
        : kind === "permanent"
          ? "Fix the cause named in the error, then replay the event."
          : undefined;
    return { kind, message: err.message, ...(fix ? { fix } : {}) };
  }
  // Unknown errors: programming mistakes or unexpected data; retrying may not help, but losing the
  // event would be worse — keep it failed and visible.
  return { kind: "permanent", message: err instanceof Error ? err.message : String(err), fix: "This looks like a connector bug: report it with the event id; replay once fixed." };
}
