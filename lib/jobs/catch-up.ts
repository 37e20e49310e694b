import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log";
import type { ConnectionRow } from "@/lib/settings/connection";
import { shopClientFor } from "@/lib/settings/shop";
import type { ShopEventType } from "@/lib/webhooks/contract";

const RESOURCES = ["customers", "products", "orders"] as const;
type PolledResource = (typeof RESOURCES)[number];

/** Links that mean "already in the CRM" for each shop resource. */
const LINKED_AS: Record<PolledResource, { entityType: string; modules: string[] }> = {
  customers: { entityType: "customer", modules: ["Leads", "Contacts", "Accounts"] },
  products: { entityType: "product", modules: ["Products"] },
  orders: { entityType: "order", modules: ["SalesOrder"] },
};

/** "YYYY-MM-DD HH:MM:SS" (shop-local) minus some seconds, computed without time zones. */
export function shopTimeMinus(time: string, seconds: number): string {
  const t = new Date(`${time.replace(" ", "T")}Z`).getTime() - seconds * 1000;
  return new Date(t).toISOString().slice(0, 19).replace("T", " ");
}

function eventFor(resource: PolledResource, id: number, linked: boolean): { type: ShopEventType; data: Record<string, number> } | null {
  if (resource === "customers") return linked ? null : { type: "customer.created", data: { customerId: id } };
  if (resource === "products") return linked ? null : { type: "product.created", data: { productId: id } };
  // A linked order that changed: bring its status (and Invoice) up to date; the rule reads the current state.
  return linked ? { type: "order.status_changed", data: { orderId: id, orderStateId: 1 } } : { type: "order.created", data: { orderId: id } };
}

/**
 * Reads what changed in the shop since the watermark (minus an overlap window, id as tie-break)
 * and queues what the webhooks missed. Event ids are derived from the record's version
 * (id + date_upd), so a record seen twice is queued once; created records already linked are skipped.
 */
export async function catchUpPoll(connection: ConnectionRow, options: { overlapSeconds?: number } = {}): Promise<number> {
  const shop = shopClientFor(connection, { timeoutMs: 20_000 });
  let queued = 0;
  for (const resource of RESOURCES) {
    const watermark = await prisma.pollWatermark.findUnique({ where: { connectionId_resource: { connectionId: connection.id, resource } } });
    if (!watermark) {
      // First run: start from the newest record. What existed before is the exports' job.
      const [newest] = await shop.list(resource, { display: ["id", "date_upd"], sort: ["date_upd_DESC", "id_DESC"], limit: 1 });
      await prisma.pollWatermark.create({
        data: { connectionId: connection.id, resource, lastDate: String(newest?.date_upd ?? "1970-01-01 00:00:00"), lastId: Number(newest?.id ?? 0) },
      });
      continue;
    }
    let last = { date: watermark.lastDate, id: watermark.lastId };
    const { entityType, modules } = LINKED_AS[resource];
    // Which of a batch of records is already linked: one query per 100 records, not one each.
    const flush = async (batch: { id: number; dateUpd: string }[]) => {
      if (batch.length === 0) return;
      const linkedIds = new Set(
        (await prisma.link.findMany({ where: { connectionId: connection.id, entityType, entityId: { in: batch.map((r) => r.id) }, crmModule: { in: modules } }, select: { entityId: true } })).map((l) => l.entityId),
      );
      for (const { id, dateUpd } of batch) {
        const event = eventFor(resource, id, linkedIds.has(id));
        if (!event) continue;
        const created = await prisma.inboxEvent
          .createMany({
            data: [{ connectionId: connection.id, eventId: `poll:${event.type}:${id}:${dateUpd}`, type: event.type, entityKey: `${entityType}:${id}`, payloadJson: JSON.stringify(event.data), bodySha256: "", occurredAt: new Date() }],
          })
          .catch(() => ({ count: 0 })); // already queued for this version
        queued += created.count;
      }
    };
    let batch: { id: number; dateUpd: string }[] = [];
    for await (const record of shop.changedSince(resource, shopTimeMinus(watermark.lastDate, options.overlapSeconds ?? 300), { display: ["id", "date_upd"] })) {
      const id = Number(record.id);
      const dateUpd = String(record.date_upd);
      batch.push({ id, dateUpd });
      if (batch.length === 100) {
        await flush(batch);
        batch = [];
      }
      if (dateUpd > last.date || (dateUpd === last.date && id > last.id)) last = { date: dateUpd, id };
    }
    await flush(batch);
    await prisma.pollWatermark.update({ where: { connectionId_resource: { connectionId: connection.id, resource } }, data: { lastDate: last.date, lastId: last.id } });
  }
  if (queued > 0) logger.info({ queued }, "catch-up poll queued events the webhooks missed");
  return queued;
}
