/**
 * Repeats a request after transient failures (timeouts, network errors, 5xx) with exponential
 * backoff and jitter, so that several workers hitting a struggling shop do not retry in lockstep.
 * Permanent failures (bad key, missing permission, unknown id) are thrown at once.
 */
import { PrestashopError } from "./errors";

export interface RetryPolicy {
  /** Further attempts after the first one. */
  retries: number;
  /** Delay before the first retry; doubles for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export async function withRetries<T>(policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (err) {
      if (failures >= policy.retries || !(err instanceof PrestashopError && err.transient)) throw err;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(policy, failures)));
    }
  }
}

/** Between half and all of base·2ⁿ, capped at maxDelayMs ("equal jitter"). */
function backoffDelay(policy: RetryPolicy, failures: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** failures);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}
