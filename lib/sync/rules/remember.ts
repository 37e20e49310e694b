import type { ShopEntityType, SyncContext, TouchAction } from "../context";
import type { CrmModule } from "../filled-fields";

export interface ShopEntity {
  type: ShopEntityType;
  id: number;
}

export const shopEntity = {
  customer: (id: number): ShopEntity => ({ type: "customer", id }),
  order: (id: number): ShopEntity => ({ type: "order", id }),
  product: (id: number): ShopEntity => ({ type: "product", id }),
};

/** Records which CRM record a shop entity is (link table) and what this event did to it (journal). */
export async function remember(ctx: SyncContext, entity: ShopEntity, module: CrmModule, crmId: string, action: TouchAction): Promise<string> {
  await ctx.links.set(entity.type, entity.id, module, crmId);
  ctx.journal.touched(module, crmId, action);
  return crmId;
}
