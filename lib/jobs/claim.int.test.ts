import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-database";

let db: Awaited<ReturnType<typeof useTempDatabase>>;
let prisma: typeof import("@/lib/db/prisma").prisma;
let claimEvents: typeof import("./claim").claimEvents;
let connectionId: number;

beforeAll(async () => {
  db = await useTempDatabase("claim");
  prisma = (await import("@/lib/db/prisma")).prisma;
  claimEvents = (await import("./claim")).claimEvents;
  connectionId = (await (await import("@/lib/settings/connection")).ensureConnection()).id;
});
afterAll(() => db.cleanup());
beforeEach(() => prisma.inboxEvent.deleteMany());

let n = 0;
async function add(entityKey: string, extra: Record<string, unknown> = {}) {
  return prisma.inboxEvent.create({
    data: { connectionId, eventId: `e${++n}`, type: "order.updated", entityKey, payloadJson: "{}", bodySha256: "", occurredAt: new Date(), ...extra },
  });
}

describe("claimEvents", () => {
  it("takes only the oldest unfinished event of each entity, so one entity's events apply in order", async () => {
    const a1 = await add("order:1");
    await add("order:1");
    const b1 = await add("order:2");
    const claimed = await claimEvents("w1", 10, 60_000);
    expect(claimed.map((c) => c.id).sort()).toEqual([a1.id, b1.id].sort());
    expect(claimed.every((c) => c.attempts === 1)).toBe(true);
    // Until a1 is finished, its successor stays blocked.
    expect(await claimEvents("w2", 10, 60_000)).toEqual([]);
    await prisma.inboxEvent.update({ where: { id: a1.id }, data: { status: "applied", leaseOwner: null } });
    expect((await claimEvents("w2", 10, 60_000)).map((c) => c.entityKey)).toEqual(["order:1"]);
  });

  it("never gives one event to two workers claiming at the same time", async () => {
    for (let i = 0; i < 60; i++) await add(`customer:${i}`);
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => claimEvents(`w${i}`, 15, 60_000)));
    const ids = batches.flat().map((c) => c.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it("takes back an event whose worker died (lease expired), not one still leased", async () => {
    const e = await add("product:9");
    await claimEvents("dead-worker", 1, 60_000);
    expect(await claimEvents("w2", 1, 60_000)).toEqual([]);
    await prisma.inboxEvent.update({ where: { id: e.id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    const [again] = await claimEvents("w2", 1, 60_000);
    expect(again).toMatchObject({ id: e.id, attempts: 2 });
    expect((await prisma.inboxEvent.findUniqueOrThrow({ where: { id: e.id } })).leaseOwner).toBe("w2");
  });

  it("waits for a retry's due time, and skips failed events without blocking the entity", async () => {
    await add("order:5", { nextAttemptAt: new Date(Date.now() + 60_000) });
    expect(await claimEvents("w", 5, 60_000)).toEqual([]);
    await prisma.inboxEvent.deleteMany();
    await add("order:6", { status: "failed" });
    const next = await add("order:6");
    expect((await claimEvents("w", 5, 60_000)).map((c) => c.id)).toEqual([next.id]);
  });
});
