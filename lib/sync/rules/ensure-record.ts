import type { SyncContext } from "../context";
import type { CrmModule } from "../filled-fields";
import { remember, type ShopEntity } from "./remember";

/**
 * The id of the record found by its natural key, else of a new one, now linked to the entity.
 * Call it holding that key, so that a retry after a lost answer finds what the first attempt
 * created instead of creating it twice.
 */
export async function findOrCreate(
  ctx: SyncContext,
  entity: ShopEntity,
  module: CrmModule,
  find: () => Promise<string | null>,
  create: () => Promise<string>,
): Promise<string> {
  const found = await find();
  if (found) return remember(ctx, entity, module, found, "found");
  return remember(ctx, entity, module, await create(), "created");
}

/** As findOrCreate, but a record already linked to the entity is taken as it is. */
export async function ensureRecord(
  ctx: SyncContext,
  entity: ShopEntity,
  module: CrmModule,
  find: () => Promise<string | null>,
  create: () => Promise<string>,
): Promise<string> {
  const linked = await ctx.links.get(entity.type, entity.id, module);
  if (!linked) return findOrCreate(ctx, entity, module, find, create);
  ctx.journal.touched(module, linked, "unchanged");
  return linked;
}
