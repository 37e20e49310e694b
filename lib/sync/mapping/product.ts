import { pickLanguage, type OrderRow, type Product } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { compact, type CrmFields } from "./element";
import { decimal } from "./format";
import { plainText } from "./plain-text";

/** The product code, natural key of Products (DESIGN §2): the shop reference, else `#presta_<id>`. */
export function productCode(reference: string, productId: number): string {
  return reference.trim() || `#presta_${productId}`;
}

/** Shop prices carry 6 decimals; vtiger rounds them to the CRM user's currency decimals itself. */
const PRICE_DECIMALS = 6;

/**
 * A Product from the shop's catalogue. Multilingual texts are taken in the first language that has
 * them (the shop's install language comes first). `stock` is null when the shop does not tell.
 */
export function productFromShopProduct(product: Product, stock: number | null, settings: Pick<SyncSettings, "ownerId">): CrmFields {
  return compact({
    productname: pickLanguage(product.name),
    productcode: productCode(product.reference, product.id),
    unit_price: decimal(product.price, PRICE_DECIMALS),
    // vtiger's "discontinued" is the UI's "Product Active": 1 means active.
    discontinued: product.active ? "1" : "0",
    description: plainText(pickLanguage(product.description_short)),
    qtyinstock: stock === null ? undefined : decimal(stock, 3),
    assigned_user_id: settings.ownerId,
  });
}

/** A Product for an ordered product missing in the CRM, from what the order line says (R3). */
export function productFromOrderRow(row: OrderRow, settings: Pick<SyncSettings, "ownerId">): CrmFields {
  return compact({
    productname: row.product_name,
    productcode: productCode(row.product_reference, row.product_id),
    unit_price: decimal(row.product_price, PRICE_DECIMALS),
    // It was just sold, so it is active.
    discontinued: "1",
    assigned_user_id: settings.ownerId,
  });
}
