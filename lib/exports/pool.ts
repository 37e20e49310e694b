/**
 * At most `limit` record exports in flight across all pages of a run (one per CRM session: vtiger
 * serves a session's requests one at a time). The limit adapts like TCP's window: halved when the
 * CRM fails or times out, grown back by one over a window of successes, so an overloaded CRM gets
 * fewer requests at once instead of more retries. Waiters are served in arrival order, so an
 * older page's records go before a newer page's.
 */
export class Slots {
  #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError("concurrency must be a positive integer");
    this.#limit = max;
  }

  /** How many may run at once now (≤ max). */
  get limit(): number {
    return Math.floor(this.#limit);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    // A waiter is handed its place by #wake (which counts it in), so it never has to race for it.
    if (this.#active < this.limit && this.#waiting.length === 0) this.#active++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await fn();
    } finally {
      this.#active--;
      this.#wake();
    }
  }

  /** A CRM call failed for a passing reason: fewer at once. */
  failed(): void {
    this.#limit = Math.max(1, this.#limit / 2);
  }

  /** A record went through: a little more at once, up to `max`. */
  succeeded(): void {
    this.#limit = Math.min(this.max, this.#limit + 1 / this.#limit);
    this.#wake();
  }

  #wake(): void {
    while (this.#active < this.limit && this.#waiting.length > 0) {
      this.#active++;
      this.#waiting.shift()?.();
    }
  }
}

/**
 * One creation per natural key (product code, e-mail, company) while pages overlap. Two shop
 * records sharing a key may run at once, in one page or in neighbouring pages whose CRM look-ups
 * ran before the other's create: only the first creates, the others get its result. An entry
 * lives until the page after its own is done — every later page looked the CRM up after the
 * create had finished — so the map holds about two pages of keys however long the run. A failed
 * creation is forgotten at once, so a retry may try again.
 */
export class RecentCreates<T> {
  readonly #entries = new Map<string, { value: Promise<T>; page: number }>();

  claim(key: string, page: number, create: () => Promise<T>): { value: Promise<T>; first: boolean } {
    const earlier = this.#entries.get(key);
    if (earlier) return { value: earlier.value, first: false };
    const value = create();
    const entry = { value, page };
    this.#entries.set(key, entry);
    value.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    return { value, first: true };
  }

  /** Page `page` is done (pages finish in order): forget what pages before it created. */
  pageDone(page: number): void {
    for (const [key, entry] of this.#entries) if (entry.page < page) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
