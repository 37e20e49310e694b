import { z } from "zod";
import { PrestashopPermissionError } from "@/lib/prestashop/errors";
import type { Product } from "@/lib/prestashop/schemas";
import type { SyncContext } from "../context";
import { productCode, productFromShopProduct } from "../mapping/product";
import { findOrCreateProducts } from "./products";

/** PrestaShop 8+ leaves falsy fields out of its JSON: a missing quantity is 0. */
const stockSchema = z.looseObject({ quantity: z.union([z.number(), z.string()]).optional().transform((value) => Number(value ?? 0) || 0) });

/**
 * The product's stock: its stock_availables row for the product as a whole (reference §10.3;
 * the product's own `quantity` is not the stock). null — "not known" — when there is no such row
 * or the webservice key may not read stock_availables, which the connector's key setup does not
 * ask for: a Product without stock beats no Product.
 */
async function stockOf(ctx: SyncContext, product: Product): Promise<number | null> {
  try {
    const [row] = await ctx.shop.list("stock_availables", {
      schema: stockSchema,
      display: ["quantity"],
      filter: { id_product: product.id, id_product_attribute: 0 },
      limit: 1,
    });
    return row?.quantity ?? null;
  } catch (err) {
    if (err instanceof PrestashopPermissionError) return null;
    throw err;
  }
}

/** R4, product created in the shop: create the Product unless it is already there. */
export async function applyProductCreated(ctx: SyncContext, productId: number): Promise<void> {
  const product = await ctx.shop.getProduct(productId);
  await findOrCreateProducts(ctx, [
    { productId, code: productCode(product.reference, product.id), build: async () => productFromShopProduct(product, await stockOf(ctx, product), ctx.settings) },
  ]);
}
