import { randomUUID } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/generated/prisma/client";
import { SHOP_EVENT_TYPES, type ShopEventType } from "@/lib/webhooks/contract";
import { entityKeyOf } from "./inbox";

export const OUTCOMES = ["pending", "processing", "applied", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const journalFilterSchema = z.object({
  outcome: z.enum(OUTCOMES).optional(),
  type: z.enum(SHOP_EVENT_TYPES as [ShopEventType, ...ShopEventType[]]).optional(),
  /** Show events with an id below this one (paging backwards in time). */
  before: z.coerce.number().int().positive().optional(),
});
export type JournalFilter = z.infer<typeof journalFilterSchema>;

const touchedSchema = z.array(z.object({ module: z.string(), id: z.string(), action: z.string() }));
const notesSchema = z.array(z.object({ level: z.enum(["info", "warn"]), message: z.string() }));

export const PAGE_SIZE = 50;

export async function journalPage(connectionId: number, filter: JournalFilter) {
  const where: Prisma.InboxEventWhereInput = {
    connectionId,
    ...(filter.outcome ? { status: filter.outcome } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
  const rows = await prisma.inboxEvent.findMany({ where, orderBy: { id: "desc" }, take: PAGE_SIZE + 1 });
  return {
    hasMore: rows.length > PAGE_SIZE,
    entries: rows.slice(0, PAGE_SIZE).map((r) => ({
      id: r.id,
      eventId: r.eventId,
      type: r.type,
      entityKey: r.entityKey,
      status: r.status as Outcome,
      attempts: r.attempts,
      receivedAt: r.receivedAt.toISOString(),
      appliedAt: r.appliedAt?.toISOString() ?? null,
      nextAttemptAt: r.status === "pending" && r.attempts > 0 ? r.nextAttemptAt.toISOString() : null,
      error: r.lastError,
      fix: r.fix,
      touched: touchedSchema.catch([]).parse(r.touchedJson ? JSON.parse(r.touchedJson) : []),
      notes: notesSchema.catch([]).parse(r.notesJson ? JSON.parse(r.notesJson) : []),
    })),
  };
}
export type JournalEntry = Awaited<ReturnType<typeof journalPage>>["entries"][number];

/** Failed events go back to the queue now; their attempt count starts again. */
export async function replayEvents(connectionId: number, ids: number[] | "all-failed"): Promise<number> {
  const result = await prisma.inboxEvent.updateMany({
    where: { connectionId, status: "failed", ...(ids === "all-failed" ? {} : { id: { in: ids } }) },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null, fix: null, errorKind: null },
  });
  return result.count;
}

const RESEND_TYPE = { customer: "customer.created", order: "order.created", product: "product.created" } as const;

/**
 * "Resend one shop record": queues the record's creation event again under a new id. The rules
 * find what already exists by natural key, so this completes or refreshes without duplicates.
 */
export async function resendShopRecord(connectionId: number, entity: keyof typeof RESEND_TYPE, id: number) {
  const type = RESEND_TYPE[entity];
  const data = entity === "customer" ? { customerId: id } : entity === "order" ? { orderId: id } : { productId: id };
  const event = { id: `resend:${randomUUID()}`, type, occurredAt: new Date().toISOString(), data } as const;
  await prisma.inboxEvent.create({
    data: {
      connectionId,
      eventId: event.id,
      type,
      entityKey: entityKeyOf(event as Parameters<typeof entityKeyOf>[0]),
      payloadJson: JSON.stringify(data),
      bodySha256: "",
      occurredAt: new Date(),
    },
  });
  if (entity === "order") {
    // Bring the status and the Invoice up to date too (R8).
    await prisma.inboxEvent.create({
      data: { connectionId, eventId: `resend:${randomUUID()}`, type: "order.status_changed", entityKey: `order:${id}`, payloadJson: JSON.stringify({ orderId: id, orderStateId: 1 }), bodySha256: "", occurredAt: new Date() },
    });
  }
  return event.id;
}

/** Applied and failed events per hour over the last 24 hours (oldest first). */
export async function activityLast24h(connectionId: number, now = new Date()) {
  const start = new Date(now.getTime() - 23 * 3600_000);
  start.setUTCMinutes(0, 0, 0);
  const rows = await prisma.inboxEvent.findMany({
    where: { connectionId, OR: [{ appliedAt: { gte: start } }, { status: "failed", receivedAt: { gte: start } }] },
    select: { status: true, appliedAt: true, receivedAt: true },
  });
  const hours = Array.from({ length: 24 }, (_, i) => ({ hour: new Date(start.getTime() + i * 3600_000).toISOString(), applied: 0, failed: 0 }));
  for (const r of rows) {
    const at = r.status === "failed" ? r.receivedAt : r.appliedAt;
    if (!at) continue;
    const slot = hours[Math.floor((at.getTime() - start.getTime()) / 3600_000)];
    if (slot) slot[r.status === "failed" ? "failed" : "applied"]++;
  }
  return hours;
}

export async function syncHealth(connectionId: number) {
  const [workers, waiting, failed, lastApplied] = await Promise.all([
    prisma.workerState.findMany({ orderBy: { lastHeartbeat: "desc" }, take: 1 }),
    prisma.inboxEvent.count({ where: { connectionId, status: { in: ["pending", "processing"] } } }),
    prisma.inboxEvent.count({ where: { connectionId, status: "failed" } }),
    prisma.inboxEvent.findFirst({ where: { connectionId, status: "applied" }, orderBy: { appliedAt: "desc" }, select: { appliedAt: true } }),
  ]);
  return {
    lastHeartbeat: workers[0]?.lastHeartbeat.toISOString() ?? null,
    waiting,
    failed,
    lastAppliedAt: lastApplied?.appliedAt?.toISOString() ?? null,
  };
}
