import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { startPrestashopSandbox, type PrestashopSandbox } from "../../sandbox/prestashop/server";

let db: Awaited<ReturnType<typeof useTempDatabase>>;
let shop: PrestashopSandbox;
let prisma: typeof import("@/lib/db/prisma").prisma;
let poll: () => Promise<number>;

beforeAll(async () => {
  db = await useTempDatabase("catch-up");
  shop = await startPrestashopSandbox({ port: 0, customers: 30, products: 20, seed: 3 });
  prisma = (await import("@/lib/db/prisma")).prisma;
  const { saveAndTestShop } = await import("@/lib/settings/shop");
  expect((await saveAndTestShop({ url: shop.url, key: shop.key })).ok).toBe(true);
  const { catchUpPoll } = await import("./catch-up");
  const { ensureConnection } = await import("@/lib/settings/connection");
  poll = async () => catchUpPoll(await ensureConnection());
});
afterAll(async () => {
  await shop.close();
  await db.cleanup();
});

const queued = () => prisma.inboxEvent.findMany({ orderBy: { id: "asc" }, select: { type: true, entityKey: true } });

describe("catch-up poll", () => {
  it("starts from the newest record: what existed before is the exports' job", async () => {
    expect(await poll()).toBe(0);
    expect(await prisma.pollWatermark.count()).toBe(3);
  });

  it("queues what the webhooks missed, once, and skips what is already linked", async () => {
    const signUp = await shop.emitter.perform("sign-up", {}, { deliver: false });
    const order = await shop.emitter.perform("place-order", {}, { deliver: false });
    const product = await shop.emitter.perform("create-product", {}, { deliver: false });
    const customerId = (signUp.event.data as { customerId: number }).customerId;
    const orderId = (order.event.data as { orderId: number }).orderId;
    const productId = (product.event.data as { productId: number }).productId;

    expect(await poll()).toBeGreaterThanOrEqual(3);
    const events = await queued();
    expect(events).toContainEqual({ type: "customer.created", entityKey: `customer:${customerId}` });
    expect(events).toContainEqual({ type: "order.created", entityKey: `order:${orderId}` });
    expect(events).toContainEqual({ type: "product.created", entityKey: `product:${productId}` });

    // The overlap window reads the same records again: nothing new is queued.
    const before = events.length;
    expect(await poll()).toBe(0);
    expect(await prisma.inboxEvent.count()).toBe(before);
  });

  it("brings a linked order's status up to date when the order changed", async () => {
    const order = await shop.emitter.perform("place-order", {}, { deliver: false });
    const orderId = (order.event.data as { orderId: number }).orderId;
    const { ensureConnection } = await import("@/lib/settings/connection");
    const connection = await ensureConnection();
    await prisma.link.create({ data: { connectionId: connection.id, entityType: "order", entityId: orderId, crmModule: "SalesOrder", crmId: "6x99" } });
    await poll();
    expect(await queued()).toContainEqual({ type: "order.status_changed", entityKey: `order:${orderId}` });
    expect(await queued()).not.toContainEqual({ type: "order.created", entityKey: `order:${orderId}` });
  });
});
