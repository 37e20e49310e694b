import { prisma } from "@/lib/db/prisma";

/** SQLite stores Prisma DateTimes as this text form, so raw comparisons must use it too. */
export function dbTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export interface ClaimedEvent {
  id: number;
  connectionId: number;
  eventId: string;
  type: string;
  entityKey: string;
  payloadJson: string;
  attempts: number;
}

/**
 * Takes up to `limit` events in one statement, so two workers never take the same one: due pending
 * events, and events whose holder's lease ran out (a dead worker). Only the oldest unfinished event
 * of each shop entity is eligible, so one entity's events are applied in arrival order.
 */
export async function claimEvents(owner: string, limit: number, leaseMs: number, now = new Date()): Promise<ClaimedEvent[]> {
  const nowText = dbTime(now);
  return prisma.$queryRawUnsafe<ClaimedEvent[]>(
    `UPDATE "InboxEvent" SET "status" = 'processing', "leaseOwner" = ?, "leaseUntil" = ?, "attempts" = "attempts" + 1
     WHERE "id" IN (
       SELECT e."id" FROM "InboxEvent" e
       WHERE ((e."status" = 'pending' AND e."nextAttemptAt" <= ?) OR (e."status" = 'processing' AND e."leaseUntil" < ?))
         AND NOT EXISTS (
           SELECT 1 FROM "InboxEvent" p
           WHERE p."connectionId" = e."connectionId" AND p."entityKey" = e."entityKey" AND p."id" < e."id"
             AND p."status" IN ('pending', 'processing'))
       ORDER BY e."id" LIMIT ?)
     RETURNING "id", "connectionId", "eventId", "type", "entityKey", "payloadJson", "attempts"`,
    owner,
    dbTime(new Date(now.getTime() + leaseMs)),
    nowText,
    nowText,
    limit,
  );
}
