/**
 * Webservice sessions shared by every client of one (CRM, user, access key) in this process.
 *
 * Why a pool: vtiger serialises the requests of one session (PHP session file lock), so parallel
 * work needs several sessions; but every login costs two round trips and vtiger keeps only one
 * live challenge token per user, so logins of one user must never overlap (reference §4).
 * Rules:
 *   - a session serves one request at a time; a request takes an idle session, else opens a new
 *     one while fewer than `size` exist, else waits for one to be released;
 *   - sessions are opened one at a time per pool, and logins are additionally serialised per
 *     (CRM, user) across pools (a second access key for the same user, e.g. a connection test);
 *   - a failed login fails everybody waiting when no live session could serve them, instead of
 *     letting each of them repeat the same failing login one after another.
 */
import { createHash } from "node:crypto";
import { VtigerUsageError } from "./errors";
import type { LoginInfo } from "./schemas";
import type { ModuleDescription } from "./module-description";

export interface Session {
  /** The sessionName; secret, never logged. */
  readonly name: string;
}

type Wake = { session: Session } | { retry: true } | { error: unknown };
/** Logs in once (under the login lock) and returns the new session with the login result. */
export type Opener = () => Promise<{ session: Session; info: LoginInfo }>;

export class SessionPool {
  size: number;
  /** Number of clients attached; the pool is discarded when the last one closes. */
  users = 0;
  /** Login result of the first session (same user for all sessions). */
  loginInfo: LoginInfo | undefined;
  /** describe answers, per module; shared because they depend only on the user. */
  readonly describeCache = new Map<string, Promise<ModuleDescription>>();
  private idle: Session[] = [];
  /** Sessions opened and not dropped: idle ones plus those serving a request. */
  private live = 0;
  private opening = false;
  private closed = false;
  private waiters: Array<(wake: Wake) => void> = [];

  constructor(size: number) {
    this.size = size;
  }

  /** A session for exclusive use; give it back with `release` or `drop`. */
  async acquire(open: Opener): Promise<Session> {
    for (;;) {
      if (this.closed) throw new VtigerUsageError("The vtiger client is closed");
      const idle = this.idle.pop();
      if (idle) return idle;
      if (!this.opening && this.live < this.size) return this.openOne(open);
      const wake = await new Promise<Wake>((resolve) => this.waiters.push(resolve));
      if ("session" in wake) return wake.session;
      if ("error" in wake) throw wake.error;
    }
  }

  private async openOne(open: Opener): Promise<Session> {
    this.opening = true;
    try {
      const { session, info } = await open();
      this.opening = false;
      this.live++;
      this.loginInfo ??= info;
      // Someone still waiting may open the next session while there is room.
      if (this.live < this.size) this.wake({ retry: true });
      return session;
    } catch (err) {
      this.opening = false;
      if (this.live === 0) this.wakeAll({ error: err });
      else this.wake({ retry: true });
      throw err;
    }
  }

  /** Gives a session back after a request (successful or not, as long as the session is fine). */
  release(session: Session): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter({ session });
    else this.idle.push(session);
  }

  /**
   * The server no longer knows the session this caller acquired; it is not given back. Idle
   * sessions are dropped with it: they were opened before the failure was seen and are likely
   * gone as well (server restart, session cleanup, idle timeout), and a request must not retry on
   * another dead session.
   */
  drop(): void {
    this.live -= 1 + this.idle.length;
    this.idle = [];
    this.wake({ retry: true });
  }

  /** Stops the pool; returns the idle sessions so the caller can log them out. */
  close(): Session[] {
    this.closed = true;
    const idle = this.idle;
    this.idle = [];
    this.wakeAll({ error: new VtigerUsageError("The vtiger client is closed") });
    return idle;
  }

  private wake(wake: Wake): void {
    this.waiters.shift()?.(wake);
  }

  private wakeAll(wake: Wake): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter(wake);
  }
}

/** Pools by (CRM root, user, hash of access key); the key itself is never kept as a map key. */
const pools = new Map<string, SessionPool>();

export function poolKey(root: string, username: string, accessKey: string): string {
  const keyHash = createHash("sha256").update(accessKey).digest("hex");
  return `${root}\n${username.toLowerCase()}\n${keyHash}`;
}

/** The shared pool for this key, created on first use; `size` grows to the largest size asked for. */
export function attachPool(key: string, size: number): SessionPool {
  let pool = pools.get(key);
  if (!pool) {
    pool = new SessionPool(size);
    pools.set(key, pool);
  }
  pool.size = Math.max(pool.size, size);
  pool.users++;
  return pool;
}

/** Detaches one client; returns true when it was the last one and the pool was removed. */
export function detachPool(key: string, pool: SessionPool): boolean {
  pool.users--;
  if (pool.users > 0) return false;
  if (pools.get(key) === pool) pools.delete(key);
  return true;
}

/**
 * Runs `fn` while holding the login lock of one (CRM, user). vtiger keeps one challenge token per
 * user (a new getchallenge replaces the previous one), so overlapping logins break each other.
 * Usernames are compared case-insensitively like vtiger's MySQL lookup.
 */
const loginLocks = new Map<string, Promise<void>>();

export async function withLoginLock<T>(root: string, username: string, fn: () => Promise<T>): Promise<T> {
  const key = `${root}\n${username.toLowerCase()}`;
  const previous = loginLocks.get(key) ?? Promise.resolve();
  let unlock!: () => void;
  const gate = new Promise<void>((resolve) => (unlock = resolve));
  const mine = previous.then(() => gate);
  loginLocks.set(key, mine);
  await previous;
  try {
    return await fn();
  } finally {
    unlock();
    if (loginLocks.get(key) === mine) loginLocks.delete(key);
  }
}
