export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts before a transient failure is given up and shown as failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 12 };

/** Exponential with full jitter: spreads retries of many events failing at once (a CRM outage). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
