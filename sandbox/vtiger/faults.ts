/** Deterministic fault injection: one seeded draw per eligible request decides its fate. */
export type Fault = "none" | "failBeforeWrite" | "failAfterWrite" | "timeout";

export interface FaultRates {
  failBeforeWrite: number;
  failAfterWrite: number;
  timeoutRate: number;
}

/** mulberry32: tiny, fast and good enough to spread faults evenly. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;

  constructor(seed: number) {
    this.random = mulberry32(seed);
  }

  reseed(seed: number): void {
    this.random = mulberry32(seed);
  }

  decide(rates: FaultRates): Fault {
    if (rates.failBeforeWrite + rates.failAfterWrite + rates.timeoutRate === 0) return "none";
    const draw = this.random();
    if (draw < rates.failBeforeWrite) return "failBeforeWrite";
    if (draw < rates.failBeforeWrite + rates.failAfterWrite) return "failAfterWrite";
    if (draw < rates.failBeforeWrite + rates.failAfterWrite + rates.timeoutRate) return "timeout";
    return "none";
  }
}
