import { z } from "zod";
import { oneOf } from "@/lib/prestashop/filter";
import { PrestashopPermissionError } from "@/lib/prestashop/errors";
import type { PrestashopClient } from "@/lib/prestashop/client";
import { productSchema, type Product } from "@/lib/prestashop/schemas";
import type { SyncContext } from "@/lib/sync/context";
import { productCode, productFromShopProduct } from "@/lib/sync/mapping/product";
import { createRecord } from "@/lib/sync/rules/create-record";
import { findOneBy } from "@/lib/sync/rules/crm-lookup";
import { naturalKey } from "@/lib/sync/rules/natural-keys";
import { fold, rowsByValue } from "./crm-batch";
import { RecentCreates } from "./pool";
import type { ExportKindSpec } from "./session";

const stockSchema = z.looseObject({
  id_product: z.coerce.number().int(),
  // PrestaShop 8+ leaves falsy fields out of its JSON: a missing quantity is 0.
  quantity: z.union([z.number(), z.string()]).optional().transform((value) => Number(value ?? 0) || 0),
});

/**
 * Stock of each product as a whole (stock_availables without combination), one request per page.
 * Unknown (absent) when the key may not read stock_availables: a Product without stock beats none.
 */
async function stockByProduct(shop: PrestashopClient, productIds: readonly number[]): Promise<Map<number, number>> {
  try {
    const rows = await shop.list("stock_availables", { schema: stockSchema, display: ["id_product", "quantity"], filter: { id_product: oneOf(productIds), id_product_attribute: 0 } });
    return new Map(rows.map((row) => [row.id_product, row.quantity]));
  } catch (err) {
    if (err instanceof PrestashopPermissionError) return new Map();
    throw err;
  }
}

/** R5: every product (base data, no combinations) becomes a Product unless one has its code already. */
export function productSpec(ctx: SyncContext): ExportKindSpec<typeof productSchema> {
  /** Two shop products may share a reference: one Product for both. */
  const creates = new RecentCreates<string>();
  const codeOf = (product: Product) => productCode(product.reference, product.id);
  return {
    resource: "products",
    schema: productSchema,
    // What productFromShopProduct maps.
    display: ["id", "reference", "price", "active", "name", "description_short"],
    pageDone: (page) => creates.pageDone(page),
    async readPage(products, page) {
      const stock = await stockByProduct(ctx.shop, products.map((p) => p.id));
      return {
        keys: products.map((product) => naturalKey.productCode(codeOf(product))),
        async lookUp() {
          const existing = await rowsByValue(ctx.crm, "Products", "productcode", products.map(codeOf));
          return async (product, attempt) => {
            const code = codeOf(product);
            // A retry looks again: the failed attempt's create may have gone through before its answer was lost.
            const found = attempt === 1 ? existing.get(fold(code))?.id : (await findOneBy(ctx, "Products", "productcode", code))?.id;
            if (found) return { outcome: "skipped", links: [{ module: "Products", crmId: found }] };
            const claim = creates.claim(fold(code), page, () => createRecord(ctx, "Products", productFromShopProduct(product, stock.get(product.id) ?? null, ctx.settings)));
            return { outcome: claim.first ? "created" : "skipped", links: [{ module: "Products", crmId: await claim.value }] };
          };
        },
      };
    },
  };
}
