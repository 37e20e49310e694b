import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/generated/prisma/client";
import { logger } from "@/lib/log";
import type { WebhookBody } from "@/lib/webhooks/contract";

/** The shop entity an event is about; the worker applies one entity's events in order. */
export function entityKeyOf(event: WebhookBody): string {
  switch (event.type) {
    case "customer.created":
    case "customer.login":
      return `customer:${event.data.customerId}`;
    case "order.created":
    case "order.status_changed":
    case "order.updated":
      return `order:${event.data.orderId}`;
    case "product.created":
      return `product:${event.data.productId}`;
  }
}

export type StoreOutcome = "stored" | "duplicate";

/**
 * Writes an accepted webhook to the inbox. The (connection, event id) pair is unique in the
 * database, so concurrent deliveries of one event store one row whatever the timing. A known id
 * with a different body is not stored again: logged, since it means a shop-side bug or tampering.
 */
export async function storeInboxEvent(connectionId: number, event: WebhookBody, rawBody: Buffer): Promise<StoreOutcome> {
  const bodySha256 = createHash("sha256").update(rawBody).digest("hex");
  try {
    await prisma.inboxEvent.create({
      data: {
        connectionId,
        eventId: event.id,
        type: event.type,
        entityKey: entityKeyOf(event),
        payloadJson: JSON.stringify(event.data),
        bodySha256,
        occurredAt: new Date(event.occurredAt),
      },
    });
    return "stored";
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") throw err;
    const existing = await prisma.inboxEvent.findUnique({ where: { connectionId_eventId: { connectionId, eventId: event.id } }, select: { bodySha256: true } });
    if (existing && existing.bodySha256 !== bodySha256) {
      logger.warn({ connectionId, eventId: event.id, type: event.type }, "webhook: known event id delivered with a different body; the first body is kept");
    }
    return "duplicate";
  }
}

export async function inboxSummary(connectionId: number) {
  const [waiting, last] = await Promise.all([
    prisma.inboxEvent.count({ where: { connectionId, status: { in: ["pending", "processing"] } } }),
    prisma.inboxEvent.findFirst({ where: { connectionId }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true, type: true } }),
  ]);
  return { waiting, lastReceivedAt: last?.receivedAt.toISOString() ?? null, lastType: last?.type ?? null };
}
