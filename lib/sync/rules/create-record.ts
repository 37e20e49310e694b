import type { SyncContext } from "../context";
import type { CrmModule } from "../filled-fields";
import { withDefaults } from "../mapping/defaults";

/** Today as yyyy-mm-dd: what "@orderDate" defaults stand for on records created outside an order. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Creates a CRM record after R10 filled its mandatory fields; returns its id. */
export async function createRecord(ctx: SyncContext, module: CrmModule, element: Record<string, unknown>, orderDate = today()): Promise<string> {
  const created = await ctx.crm.create(module, withDefaults(module, element, ctx.settings, { orderDate }));
  return created.id;
}
