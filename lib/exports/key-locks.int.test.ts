/** A run's page locks against the sync worker's one-key locks, on a real SQLite database. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-database";

let db: Awaited<ReturnType<typeof useTempDatabase>>;
let prisma: typeof import("@/lib/db/prisma").prisma;
let withKeyLock: typeof import("@/lib/jobs/key-lock").withKeyLock;
let RunKeyLocks: typeof import("./key-locks").RunKeyLocks;

beforeAll(async () => {
  db = await useTempDatabase("export-key-locks");
  prisma = (await import("@/lib/db/prisma")).prisma;
  withKeyLock = (await import("@/lib/jobs/key-lock")).withKeyLock;
  RunKeyLocks = (await import("./key-locks")).RunKeyLocks;
});
afterAll(() => db.cleanup());
beforeEach(() => prisma.keyLock.deleteMany());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const owners = async () => Object.fromEntries((await prisma.keyLock.findMany()).map((row) => [row.key, row.owner]));

describe("RunKeyLocks", () => {
  it("makes a worker wanting one of a page's keys wait until the page is done", async () => {
    const locks = new RunKeyLocks("run-1", 30_000);
    const order: string[] = [];
    let releasePage!: () => void;
    const pageHeld = new Promise<void>((resolve) => (releasePage = resolve));
    const page = locks.hold(["email:a", "email:b"], async () => {
      order.push("page starts");
      await pageHeld;
      order.push("page ends");
    });
    await expect.poll(owners).toEqual({ "email:a": "run-1", "email:b": "run-1" });
    const worker = withKeyLock("email:b", "worker", async () => order.push("worker"));
    await sleep(100);
    expect(order).toEqual(["page starts"]);
    releasePage();
    await Promise.all([page, worker]);
    expect(order).toEqual(["page starts", "page ends", "worker"]);
    expect(await prisma.keyLock.count()).toBe(0);
  });

  it("waits for a worker's key without holding the page's other keys meanwhile", async () => {
    const locks = new RunKeyLocks("run-1", 30_000);
    let releaseWorker!: () => void;
    const workerHeld = new Promise<void>((resolve) => (releaseWorker = resolve));
    const worker = withKeyLock("email:b", "worker", () => workerHeld);
    await expect.poll(owners).toEqual({ "email:b": "worker" });

    let ran = false;
    const page = locks.hold(["email:a", "email:b"], async () => {
      ran = true;
    });
    await sleep(80);
    expect(ran).toBe(false);
    // email:a is free for anyone else in the meantime: a worker needing a then b cannot deadlock with the page.
    expect((await owners())["email:a"]).toBeUndefined();
    await withKeyLock("email:a", "other worker", async () => undefined, { maxPollMs: 5 });
    releaseWorker();
    await Promise.all([worker, page]);
    expect(ran).toBe(true);
  });

  it("takes over keys whose holder died (lease run out)", async () => {
    await prisma.keyLock.create({ data: { key: "product-code:x", owner: "dead process", leaseUntil: new Date(Date.now() - 1_000) } });
    const locks = new RunKeyLocks("run-2", 30_000);
    const seen = await locks.hold(["product-code:x"], async () => owners());
    expect(seen).toEqual({ "product-code:x": "run-2" });
    expect(await prisma.keyLock.count()).toBe(0);
  });

  it("holds a key two overlapping pages share until both are done", async () => {
    const locks = new RunKeyLocks("run-3", 30_000);
    let endFirst!: () => void;
    const first = locks.hold(["email:shared", "email:1"], () => new Promise<void>((resolve) => (endFirst = resolve)));
    await expect.poll(owners).toMatchObject({ "email:shared": "run-3" });
    let endSecond!: () => void;
    const second = locks.hold(["email:shared", "email:2"], () => new Promise<void>((resolve) => (endSecond = resolve)));
    await expect.poll(owners).toMatchObject({ "email:2": "run-3" });
    endFirst();
    await first;
    expect(await owners()).toEqual({ "email:shared": "run-3", "email:2": "run-3" });
    endSecond();
    await second;
    expect(await prisma.keyLock.count()).toBe(0);
  });
});
