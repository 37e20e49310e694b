import type { VtigerClient } from "@/lib/vtiger/client";
import type { VtigerRow } from "@/lib/vtiger/schemas";
import { chunk, ident, vtql } from "@/lib/vtiger/vtql";
import type { CrmModule } from "@/lib/sync/filled-fields";
import { fold } from "@/lib/sync/rules/natural-keys";

/** vtiger compares strings case-insensitively (and ignores trailing blanks); so do our maps of what it found. */
export { fold } from "@/lib/sync/rules/natural-keys";

/**
 * The oldest CRM record per value of `field` (folded), with one query per 100 values, the batches
 * in parallel: a page of 100 shop records costs one look-up per module instead of one per record.
 */
export async function rowsByValue(crm: VtigerClient, module: CrmModule, field: string, values: readonly string[], extra: readonly string[] = []): Promise<Map<string, VtigerRow>> {
  const wanted = [...new Set(values.map((value) => value.trim()).filter(Boolean))];
  const pages = await Promise.all(
    chunk(wanted).map((batch) => crm.query(vtql`SELECT ${ident(field, ...extra)} FROM ${ident(module)} WHERE ${ident(field)} IN ${batch} ORDER BY id;`)),
  );
  const byValue = new Map<string, VtigerRow>();
  for (const row of pages.flat()) {
    const key = fold(row[field] ?? "");
    if (row.id && !byValue.has(key)) byValue.set(key, row);
  }
  return byValue;
}
