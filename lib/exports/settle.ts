import { setTimeout as sleep } from "node:timers/promises";
import { retryDelayMs, type BackoffPolicy } from "@/lib/jobs/backoff";
import { classifySyncError } from "@/lib/sync/errors";
import type { RecordDone, RecordOutcome } from "./kinds";
import type { Slots } from "./pool";

/**
 * A CRM or shop hiccup (timeout, 5xx, expired session) is retried a few times with a growing
 * pause, so a short outage slows the export down instead of failing records by the hundred.
 */
export const RECORD_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 4_000, maxAttempts: 6 };
/** A page's batched reads stand for 100 records: worth waiting longer for before the run fails. */
export const PAGE_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000, maxAttempts: 6 };

/**
 * Retries `fn` after transient failures; `attempt` > 1 tells it an earlier try failed.
 * `onTransient` hears of each such failure (the slots shrink on it).
 */
export async function withBackoff<T>(fn: (attempt: number) => Promise<T>, policy: BackoffPolicy, onTransient?: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (classifySyncError(err).kind === "permanent") throw err;
      onTransient?.();
      if (attempt >= policy.maxAttempts) throw err;
      await sleep(retryDelayMs(attempt, policy));
    }
  }
}

/**
 * Runs one record's export to an outcome. On a retry (`attempt` > 1) the earlier try's create may
 * have been committed before its answer was lost: the step must look the record up again first.
 * The reason keeps the error's message and its fix, worded for a failure list (the sync errors'
 * fixes speak of replaying events; an export retries its failed records).
 */
export async function settle(shopId: number, step: (attempt: number) => Promise<RecordDone>, slots?: Pick<Slots, "failed" | "succeeded">): Promise<RecordOutcome> {
  try {
    const done = await withBackoff(step, RECORD_BACKOFF, () => slots?.failed());
    slots?.succeeded();
    return { shopId, ...done };
  } catch (err) {
    return { shopId, outcome: "failed", reason: failureReason(err) };
  }
}

export function failureReason(err: unknown): string {
  const { message, fix } = classifySyncError(err);
  const exportFix = fix?.replace(/ with the event id/g, "").replace(/\breplay(?: the event)?/g, "retry the failed records");
  return (exportFix ? `${message} → ${exportFix}` : message).slice(0, 1_000);
}
