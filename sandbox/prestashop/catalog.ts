/**
 * Creating products: base price tax excluded, multilingual texts, and the stock in stock_availables
 * (the product's own `quantity` column is the deprecated one that stays 0, reference §10.3).
 */
import type { ProductIdea } from "./fake-data.ts";
import { bilingual } from "./install-data.ts";
import { foldText } from "./mysql.ts";
import type { Random } from "./random.ts";
import type { Row } from "./schema.ts";
import type { ShopData } from "./store.ts";

export interface NewProduct {
  idea: ProductIdea;
  /** "" for a product without reference (the connector then uses `#presta_<id>`). */
  reference: string;
  active: boolean;
  quantity: number;
}

const slug = (text: string) =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface ProductTexts {
  name: [en: string, fr: string];
  linkRewrite: [en: string, fr: string];
  description: [en: string, fr: string];
  descriptionShort: [en: string, fr: string];
}

/**
 * The texts of each product name, built once: names repeat (theme × kind), and a big generated shop
 * would otherwise hold a copy of every text per product.
 */
const textsByName = new Map<string, ProductTexts>();

function productTexts(name: ProductIdea["name"]): ProductTexts {
  const key = `${name.en}\n${name.fr}`;
  let texts = textsByName.get(key);
  if (!texts) {
    texts = {
      name: [name.en, name.fr],
      linkRewrite: [slug(name.en), slug(name.fr)],
      description: [
        `<p>The ${name.en.toLowerCase()} from our animal collection. Printed in France on sustainable materials.</p>`,
        `<p>${name.fr} de notre collection animaux. Imprimé en France sur des matériaux durables.</p>`,
      ],
      descriptionShort: [
        `<p><strong>${name.en}</strong> &ndash; soft, bright &amp; made to last.</p>`,
        `<p><strong>${name.fr}</strong> &ndash; doux, lumineux &amp; durable.</p>`,
      ],
    };
    textsByName.set(key, texts);
  }
  return texts;
}

export function createProduct(shop: ShopData, product: NewProduct, at: string, random: Random): Row {
  const { name, price } = product.idea;
  const texts = productTexts(name);
  const row = shop.table("products").insert({
    id_category_default: random.int(3, 9),
    id_tax_rules_group: 1,
    id_shop_default: 1,
    reference: product.reference,
    weight: random.int(1, 30) / 10,
    state: 1,
    additional_delivery_times: 1,
    product_type: "standard",
    minimal_quantity: 1,
    low_stock_threshold: null,
    price,
    wholesale_price: Math.round(price * 0.4 * 1e6) / 1e6,
    active: product.active ? 1 : 0,
    redirect_type: "404",
    available_for_order: 1,
    condition: "new",
    show_price: 1,
    indexed: product.active ? 1 : 0,
    visibility: "both",
    date_add: at,
    date_upd: at,
    pack_stock_type: 3,
    link_rewrite: bilingual(...texts.linkRewrite),
    name: bilingual(...texts.name),
    description: bilingual(...texts.description),
    description_short: bilingual(...texts.descriptionShort),
  });
  shop.table("stock_availables").insert({
    id_product: row.id,
    id_product_attribute: 0,
    id_shop: 1,
    id_shop_group: 0,
    quantity: product.quantity,
    out_of_stock: 2,
  });
  return row;
}
