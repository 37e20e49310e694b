import { describe, expect, it } from "vitest";
import { RecentCreates, Slots } from "./pool";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Slots", () => {
  it("keeps at most `max` runs in flight and starts waiters in arrival order", async () => {
    const slots = new Slots(3);
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      [5, 1, 4, 2, 3, 6, 7].map((ms, index) =>
        slots.run(async () => {
          started.push(index);
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, ms));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("halves its limit on each failure, never below one, and grows back by successes", async () => {
    const slots = new Slots(8);
    slots.failed();
    expect(slots.limit).toBe(4);
    slots.failed();
    slots.failed();
    slots.failed();
    slots.failed();
    expect(slots.limit).toBe(1);
    for (let i = 0; i < 100; i++) slots.succeeded();
    expect(slots.limit).toBe(8);
  });

  it("runs fewer at once after failures", async () => {
    const slots = new Slots(4);
    slots.failed();
    slots.failed();
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        slots.run(async () => {
          peak = Math.max(peak, ++inFlight);
          await tick();
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(1);
  });
});

describe("RecentCreates", () => {
  it("creates once per key; later claims, from any page in flight, get the first one's result", async () => {
    const creates = new RecentCreates<string>();
    let calls = 0;
    const create = async () => `id-${++calls}`;
    const first = creates.claim("a", 0, create);
    const second = creates.claim("a", 1, create);
    expect([first.first, second.first]).toEqual([true, false]);
    expect(await second.value).toBe("id-1");
    expect(calls).toBe(1);
  });

  it("forgets a failed creation so a retry can create", async () => {
    const creates = new RecentCreates<string>();
    await expect(creates.claim("a", 0, () => Promise.reject(new Error("boom"))).value).rejects.toThrow("boom");
    await tick();
    const again = creates.claim("a", 0, async () => "id-2");
    expect(again.first).toBe(true);
    expect(await again.value).toBe("id-2");
  });

  it("keeps a page's keys until the page after it is done, so memory stays at about two pages", async () => {
    const creates = new RecentCreates<string>();
    creates.claim("page0", 0, async () => "0");
    creates.claim("page1", 1, async () => "1");
    creates.claim("page2", 2, async () => "2");
    creates.pageDone(0);
    expect(creates.size).toBe(3);
    creates.pageDone(1);
    expect(creates.claim("page0", 3, async () => "new").first).toBe(true);
    expect(creates.claim("page1", 3, async () => "new").first).toBe(false);
    creates.pageDone(3);
    expect(creates.size).toBe(1);
    creates.pageDone(4);
    expect(creates.size).toBe(0);
  });
});
