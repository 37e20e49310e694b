import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db/prisma";
import { dbTime } from "@/lib/jobs/claim";

/** SQLite takes at most 999 bound values per statement in older builds; 3 per key. */
const KEYS_PER_STATEMENT = 300;

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

/**
 * The natural-key locks of a run's pages (the same `KeyLock` rows the sync worker takes one at a
 * time), so a webhook about a customer or product being exported right now waits for the page
 * instead of creating a second record. A page takes all its keys at once or none (never some
 * while waiting for others: a worker holding one key and wanting another could then wait in a
 * circle with us), in two statements instead of one commit per key. The run holds a key once
 * however many of its overlapping pages need it.
 */
export class RunKeyLocks {
  readonly #held = new Map<string, number>();
  /** Takes of overlapping pages one after the other: one's give-back must not drop the other's keys. */
  #taking: Promise<unknown> = Promise.resolve();
  #renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** Runs `fn` holding every key of `keys`; waits (polling, up to 50 ms apart) while others hold some. */
  async hold<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const wanted = [...new Set(keys)];
    for (let wait = 5; !(await this.#serially(() => this.#takeAll(wanted))); wait = Math.min(wait * 2, 50)) await sleep(wait);
    try {
      return await fn();
    } finally {
      await this.#serially(() => this.#release(wanted));
    }
  }

  /** While keys are held, their leases are extended now and then: a page may take longer than a lease. */
  #renewWhileHeld(): void {
    if (this.#held.size === 0) {
      clearInterval(this.#renewal);
      this.#renewal = undefined;
    } else if (!this.#renewal) {
      this.#renewal = setInterval(() => {
        void prisma.$executeRawUnsafe(`UPDATE "KeyLock" SET "leaseUntil" = ? WHERE "owner" = ?`, dbTime(new Date(Date.now() + this.leaseMs)), this.owner).catch(() => undefined);
      }, this.leaseMs / 3);
      this.#renewal.unref();
    }
  }

  #serially<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#taking.then(fn);
    this.#taking = result.catch(() => undefined);
    return result;
  }

  async #takeAll(keys: readonly string[]): Promise<boolean> {
    const fresh = keys.filter((key) => !this.#held.has(key));
    if (fresh.length > 0) {
      const now = new Date();
      const until = dbTime(new Date(now.getTime() + this.leaseMs));
      for (let i = 0; i < fresh.length; i += KEYS_PER_STATEMENT) {
        const batch = fresh.slice(i, i + KEYS_PER_STATEMENT);
        // Free and expired keys become ours; a live lease of someone else stays as it is.
        await prisma.$executeRawUnsafe(
          `INSERT INTO "KeyLock" ("key", "owner", "leaseUntil") VALUES ${batch.map(() => "(?, ?, ?)").join(", ")}
           ON CONFLICT ("key") DO UPDATE SET "owner" = excluded."owner", "leaseUntil" = excluded."leaseUntil"
           WHERE "KeyLock"."leaseUntil" < ? OR "KeyLock"."owner" = excluded."owner"`,
          ...batch.flatMap((key) => [key, this.owner, until]),
          dbTime(now),
        );
      }
      const ours = await this.#ownedOf(fresh);
      if (ours.length < fresh.length) {
        // Not all: give back what this try took and wait for the others' holders to finish.
        await this.#delete(ours);
        return false;
      }
    }
    for (const key of keys) this.#held.set(key, (this.#held.get(key) ?? 0) + 1);
    this.#renewWhileHeld();
    return true;
  }

  async #release(keys: readonly string[]): Promise<void> {
    const free: string[] = [];
    for (const key of keys) {
      const count = (this.#held.get(key) ?? 1) - 1;
      if (count > 0) this.#held.set(key, count);
      else {
        this.#held.delete(key);
        free.push(key);
      }
    }
    this.#renewWhileHeld();
    await this.#delete(free);
  }

  async #ownedOf(keys: readonly string[]): Promise<string[]> {
    const owned: string[] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
      const batch = keys.slice(i, i + KEYS_PER_STATEMENT);
      const rows = await prisma.$queryRawUnsafe<Array<{ key: string }>>(`SELECT "key" FROM "KeyLock" WHERE "owner" = ? AND "key" IN (${placeholders(batch.length)})`, this.owner, ...batch);
      owned.push(...rows.map((row) => row.key));
    }
    return owned;
  }

  async #delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
      const batch = keys.slice(i, i + KEYS_PER_STATEMENT);
      await prisma.$executeRawUnsafe(`DELETE FROM "KeyLock" WHERE "owner" = ? AND "key" IN (${placeholders(batch.length)})`, this.owner, ...batch);
    }
  }
}
