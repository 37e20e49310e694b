import type { Prisma } from "@/generated/prisma/client";
import { dbTime } from "@/lib/jobs/claim";
import type { ShopEntityType } from "@/lib/sync/context";
import type { RecordOutcome } from "./kinds";

/** Rows per statement: 7 values each, well under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 100;

/**
 * The page's links in the page's transaction, as upserts of up to 100 rows per statement instead
 * of one upsert per record (each its own commit, which cost more than the CRM calls) or a
 * delete-then-insert (whose OR of 100 conditions alone took Prisma milliseconds to compile). Links
 * of a page cut short are lost with it; the resume finds those records again and links them then.
 */
export async function saveLinks(tx: Prisma.TransactionClient, connectionId: number, entityType: ShopEntityType, outcomes: readonly RecordOutcome[]): Promise<void> {
  const now = dbTime(new Date());
  const rows = outcomes.flatMap((o) => (o.outcome === "failed" ? [] : o.links.map((link) => [connectionId, entityType, o.shopId, link.module, link.crmId, now, now])));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Link" ("connectionId", "entityType", "entityId", "crmModule", "crmId", "createdAt", "updatedAt")
       VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}
       ON CONFLICT ("connectionId", "entityType", "entityId", "crmModule") DO UPDATE SET "crmId" = excluded."crmId", "updatedAt" = excluded."updatedAt"`,
      ...batch.flat(),
    );
  }
}
