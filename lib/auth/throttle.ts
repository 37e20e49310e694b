/**
 * Slows down password guessing: every wrong password waits, and the wait doubles with each recent
 * failure from the same client (up to 8 s). In-memory: one web process serves the back office.
 */
const WINDOW_MS = 15 * 60 * 1000;
const failures = new Map<string, { count: number; last: number }>();

export function failureDelayMs(clientKey: string): number {
  const entry = failures.get(clientKey);
  const now = Date.now();
  const count = entry && now - entry.last < WINDOW_MS ? entry.count + 1 : 1;
  failures.set(clientKey, { count, last: now });
  return Math.min(500 * 2 ** (count - 1), 8000);
}

export function clearFailures(clientKey: string): void {
  failures.delete(clientKey);
}
