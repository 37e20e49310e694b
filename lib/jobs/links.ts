import { prisma } from "@/lib/db/prisma";
import type { CrmModule } from "@/lib/sync/filled-fields";
import type { LinkStore, ShopEntityType } from "@/lib/sync/context";

/** The link table of one connection (Prisma). */
export function prismaLinkStore(connectionId: number): LinkStore {
  return {
    async get(entityType: ShopEntityType, entityId: number, crmModule: CrmModule) {
      const row = await prisma.link.findUnique({
        where: { connectionId_entityType_entityId_crmModule: { connectionId, entityType, entityId, crmModule } },
        select: { crmId: true },
      });
      return row?.crmId ?? null;
    },
    async getMany(entityType: ShopEntityType, entityIds: number[], crmModule: CrmModule) {
      const rows = await prisma.link.findMany({ where: { connectionId, entityType, crmModule, entityId: { in: entityIds } }, select: { entityId: true, crmId: true } });
      return new Map(rows.map((r) => [r.entityId, r.crmId]));
    },
    async set(entityType: ShopEntityType, entityId: number, crmModule: CrmModule, crmId: string) {
      await prisma.link.upsert({
        where: { connectionId_entityType_entityId_crmModule: { connectionId, entityType, entityId, crmModule } },
        create: { connectionId, entityType, entityId, crmModule, crmId },
        update: { crmId },
      });
    },
  };
}
