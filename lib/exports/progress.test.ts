import { describe, expect, it } from "vitest";
import { RateMeter } from "./progress";

describe("RateMeter", () => {
  it("knows no rate from a single sample", () => {
    expect(new RateMeter().sample(10, 1_000)).toBeNull();
  });

  it("measures records per second over its recent window, not since the start", () => {
    const meter = new RateMeter(10_000);
    meter.sample(0, 0);
    expect(meter.sample(100, 1_000)).toBe(100);
    // A long pause (a resumed run's downtime) drops out of the window once newer samples cover it.
    meter.sample(100, 60_000);
    meter.sample(150, 61_000);
    expect(meter.sample(300, 71_000)).toBe(15); // (300 - 150) over the last 10 s
  });
});
