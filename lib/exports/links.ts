import type { Prisma } from "@/generated/prisma/client";
import type { ShopEntityType } from "@/lib/sync/context";
import type { RecordOutcome } from "./kinds";

/**
 * The page's links in the page's transaction: two statements instead of one upsert per record,
 * each its own commit, which cost more than the CRM calls (about 10 ms each on SQLite). Links of
 * a page cut short are lost with it; the resume finds those records again and links them then.
 */
export async function saveLinks(tx: Prisma.TransactionClient, connectionId: number, entityType: ShopEntityType, outcomes: readonly RecordOutcome[]): Promise<void> {
  const rows = outcomes.flatMap((o) => (o.outcome === "failed" ? [] : o.links.map((link) => ({ connectionId, entityType, entityId: o.shopId, crmModule: link.module, crmId: link.crmId }))));
  if (rows.length === 0) return;
  await tx.link.deleteMany({ where: { connectionId, entityType, OR: rows.map((row) => ({ entityId: row.entityId, crmModule: row.crmModule })) } });
  await tx.link.createMany({ data: rows });
}
