import { ident, vtql } from "@/lib/vtiger/vtql";
import type { VtigerRow } from "@/lib/vtiger/schemas";
import type { SyncContext } from "../context";
import type { CrmModule } from "../filled-fields";

/**
 * The oldest live record whose `field` equals `value` (vtiger compares case-insensitively), or
 * null. When several match, the oldest is the one people have worked with longest.
 */
export async function findOneBy(ctx: Pick<SyncContext, "crm">, module: CrmModule, field: string, value: string): Promise<VtigerRow | null> {
  const [row] = await ctx.crm.query(vtql`SELECT * FROM ${ident(module)} WHERE ${ident(field)} = ${value} ORDER BY id LIMIT 1;`);
  return row ?? null;
}
