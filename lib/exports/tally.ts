import type { RecordOutcome } from "./kinds";

/** Counter increments for a batch of outcomes: processed = created + skipped + failed, always. */
export function tally(outcomes: readonly RecordOutcome[]) {
  const count = (outcome: RecordOutcome["outcome"]) => outcomes.filter((o) => o.outcome === outcome).length;
  return { processed: outcomes.length, created: count("created"), skipped: count("skipped"), failed: count("failed") };
}

export function failuresOf(outcomes: readonly RecordOutcome[]): Array<{ shopId: number; reason: string }> {
  return outcomes.flatMap((o) => (o.outcome === "failed" ? [{ shopId: o.shopId, reason: o.reason }] : []));
}
