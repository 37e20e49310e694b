import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "@/lib/testing/temp-database";
import { serveRoute } from "@/lib/testing/route-server";
import { signWebhook } from "./signature";

let server: { url: string; close: () => Promise<void> };
let db: Awaited<ReturnType<typeof useTempDatabase>>;
let secret: string;
let prisma: typeof import("@/lib/db/prisma").prisma;
let connectionId: number;

beforeAll(async () => {
  db = await useTempDatabase("webhook");
  prisma = (await import("@/lib/db/prisma")).prisma;
  const { ensureConnection } = await import("@/lib/settings/connection");
  const connection = await ensureConnection();
  connectionId = connection.id;
  secret = await (await import("./secret")).webhookSecret(connection);
  server = await serveRoute((await import("@/app/api/webhooks/prestashop/route")).POST);
});
afterAll(async () => {
  await server.close();
  await db.cleanup();
});
beforeEach(async () => {
  await prisma.inboxEvent.deleteMany();
});

let counter = 0;
function event(overrides: Record<string, unknown> = {}) {
  return { id: `evt-${++counter}`, type: "order.created", occurredAt: new Date().toISOString(), data: { orderId: 7 }, ...overrides };
}

async function deliver(body: string, options: { secret?: string; t?: number; header?: string | null } = {}) {
  const t = options.t ?? Math.floor(Date.now() / 1000);
  const header = options.header === undefined ? signWebhook(options.secret ?? secret, body, t) : options.header;
  const response = await fetch(`${server.url}/api/webhooks/prestashop`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(header ? { "X-Connector-Signature": header } : {}) },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const rows = () => prisma.inboxEvent.count();

describe("POST /api/webhooks/prestashop", () => {
  it("stores a valid event before answering 202", async () => {
    const e = event({ type: "order.status_changed", data: { orderId: 12, orderStateId: 4 } });
    const answer = await deliver(JSON.stringify(e));
    expect(answer).toEqual({ status: 202, json: { status: "accepted", id: e.id } });
    const row = await prisma.inboxEvent.findFirstOrThrow();
    expect(row).toMatchObject({ connectionId, eventId: e.id, type: "order.status_changed", entityKey: "order:12", status: "pending" });
    expect(JSON.parse(row.payloadJson)).toEqual({ orderId: 12, orderStateId: 4 });
  });

  it("answers 200 to a replayed id and keeps one row, even with a different body", async () => {
    const e = event();
    expect((await deliver(JSON.stringify(e))).status).toBe(202);
    expect(await deliver(JSON.stringify(e))).toMatchObject({ status: 200, json: { status: "duplicate" } });
    expect((await deliver(JSON.stringify({ ...e, data: { orderId: 8 } }))).status).toBe(200);
    expect(await rows()).toBe(1);
    expect(JSON.parse((await prisma.inboxEvent.findFirstOrThrow()).payloadJson)).toEqual({ orderId: 7 });
  });

  it("refuses, in order, with a JSON reason and nothing stored", async () => {
    const big = JSON.stringify(event({ padding: "x".repeat(70 * 1024) }));
    expect(await deliver(big, { header: "t=1,v1=00" })).toMatchObject({ status: 413, json: { error: expect.stringMatching(/64 KiB/) } });
    expect(await deliver(JSON.stringify(event()), { header: null })).toMatchObject({ status: 401, json: { error: expect.stringMatching(/Missing/) } });
    expect(await deliver(JSON.stringify(event()), { secret: "wrong" })).toMatchObject({ status: 401, json: { error: expect.stringMatching(/Invalid signature/) } });
    expect(await deliver(JSON.stringify(event()), { t: Math.floor(Date.now() / 1000) - 301 })).toMatchObject({ status: 401, json: { error: expect.stringMatching(/window/) } });
    expect(await deliver("{not json")).toMatchObject({ status: 400 });
    expect(await deliver(JSON.stringify(event({ type: "order.deleted" })))).toMatchObject({ status: 400, json: { error: expect.stringMatching(/type/) } });
    expect(await deliver(JSON.stringify(event({ data: { orderId: "7" } })))).toMatchObject({ status: 400, json: { error: expect.stringMatching(/data.orderId/) } });
    expect(await deliver(JSON.stringify(event({ occurredAt: "yesterday" })))).toMatchObject({ status: 400 });
    expect(await rows()).toBe(0);
  });

  it("stores 200 concurrent deliveries (100 events, each twice) exactly once each", async () => {
    const events = Array.from({ length: 100 }, (_, i) => JSON.stringify(event({ data: { orderId: i + 1 } })));
    const answers = await Promise.all([...events, ...events].map((body) => deliver(body)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(100);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(100);
    expect(await rows()).toBe(100);
  });

  it("accepts the previous secret for 24 hours after a regeneration, then not", async () => {
    const { regenerateWebhookSecret } = await import("./secret");
    const { ensureConnection } = await import("@/lib/settings/connection");
    const old = secret;
    secret = await regenerateWebhookSecret(await ensureConnection());
    expect(secret).not.toBe(old);
    expect((await deliver(JSON.stringify(event()), { secret: old })).status).toBe(202);
    expect((await deliver(JSON.stringify(event()))).status).toBe(202);
    await prisma.connection.update({ where: { id: connectionId }, data: { webhookPreviousSecretUntil: new Date(Date.now() - 1000) } });
    expect((await deliver(JSON.stringify(event()), { secret: old })).status).toBe(401);
  });
});
