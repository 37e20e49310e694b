/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same shop, the same script
 * and the same injected faults on every run.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    // Joined rather than appended: `+=` builds a rope of one node per character, which a 100,000-customer
    // shop keeps in memory for every key and password hash.
    const characters: string[] = [];
    for (let i = 0; i < length; i++) characters.push(alphabet[Math.floor(this.next() * alphabet.length)] ?? "");
    return characters.join("");
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}
