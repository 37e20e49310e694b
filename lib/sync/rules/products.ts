import type { Order } from "@/lib/prestashop/schemas";
import { chunk, vtql } from "@/lib/vtiger/vtql";
import type { SyncContext } from "../context";
import type { CrmFields } from "../mapping/element";
import { dateOf } from "../mapping/format";
import { productCode, productFromOrderRow } from "../mapping/product";
import { createRecord } from "./create-record";
import { naturalKey, withKeys } from "./natural-keys";
import { remember, shopEntity } from "./remember";

export interface WantedProduct {
  productId: number;
  /** The product code, natural key of Products. */
  code: string;
  /** The Product to create when the CRM has none; only called then. */
  build: () => Promise<CrmFields>;
}

/** vtiger matches codes case-insensitively; so does the map of what it found. */
const codeKey = (code: string) => code.trim().toLowerCase();

/** CRM Products by code, the oldest of each code, with one query per 100 codes. */
async function productsByCode(ctx: SyncContext, codes: readonly string[]): Promise<Map<string, string>> {
  const pages = await Promise.all(
    chunk([...new Set(codes)]).map((batch) => ctx.crm.query(vtql`SELECT productcode FROM Products WHERE productcode IN ${batch} ORDER BY id;`)),
  );
  const byCode = new Map<string, string>();
  for (const row of pages.flat()) {
    const key = codeKey(row.productcode ?? "");
    if (row.id && !byCode.has(key)) byCode.set(key, row.id);
  }
  return byCode;
}

/**
 * The CRM Product of each shop product (DESIGN §2, product identity): the link table first, then
 * the product code, else a new Product. Returns shop product id → CRM id.
 */
export async function findOrCreateProducts(ctx: SyncContext, wanted: readonly WantedProduct[], orderDate?: string): Promise<Map<number, string>> {
  const unique = [...new Map(wanted.map((want) => [want.productId, want])).values()];
  const ids = await ctx.links.getMany("product", unique.map((want) => want.productId), "Products");
  for (const crmId of ids.values()) ctx.journal.touched("Products", crmId, "unchanged");
  const missing = unique.filter((want) => !ids.has(want.productId));
  if (missing.length === 0) return ids;
  await withKeys(ctx, missing.map((want) => naturalKey.productCode(want.code)), async () => {
    const byCode = await productsByCode(ctx, missing.map((want) => want.code));
    for (const want of missing) {
      const found = byCode.get(codeKey(want.code));
      const crmId = found ?? (await createRecord(ctx, "Products", await want.build(), orderDate));
      // Two shop products with one code share the Product created for the first.
      byCode.set(codeKey(want.code), crmId);
      ids.set(want.productId, await remember(ctx, shopEntity.product(want.productId), "Products", crmId, found ? "found" : "created"));
    }
  });
  return ids;
}

/** R3: every ordered product in the CRM; missing ones are created from their order line (name, price). */
export function orderProducts(ctx: SyncContext, order: Order): Promise<Map<number, string>> {
  const wanted = order.associations.order_rows.map((row) => ({
    productId: row.product_id,
    code: productCode(row.product_reference, row.product_id),
    build: async () => productFromOrderRow(row, ctx.settings),
  }));
  return findOrCreateProducts(ctx, wanted, dateOf(order.date_add));
}
