import type { ExportKind } from "@/lib/exports/kinds";
import { logger } from "@/lib/log";
import { PrestashopClient } from "@/lib/prestashop/client";
import { oneOf } from "@/lib/prestashop/filter";
import { customerSchema, pickLanguage, productSchema } from "@/lib/prestashop/schemas";
import type { ConnectionRow } from "@/lib/settings/connection";
import { shopCredentials } from "@/lib/settings/shop";

/**
 * What the admin recognises a failed record by: "Jane Doe · jane@example.com", "Mug (REF-12)".
 * One shop request for the listed failures; the list still shows ids and reasons if the shop does
 * not answer quickly, so the page never waits long on it.
 */
export async function failureLabels(connection: ConnectionRow, kind: ExportKind, ids: readonly number[]): Promise<Record<number, string>> {
  const creds = shopCredentials(connection);
  if (!creds || ids.length === 0) return {};
  const shop = new PrestashopClient({ ...creds, timeoutMs: 3_000, retries: 0 });
  const filter = { id: oneOf(ids) };
  try {
    if (kind === "customers") {
      const customers = await shop.list("customers", { schema: customerSchema, display: ["id", "firstname", "lastname", "email"], filter });
      return Object.fromEntries(customers.map((c) => [c.id, [`${c.firstname} ${c.lastname}`.trim(), c.email].filter(Boolean).join(" · ")]));
    }
    const products = await shop.list("products", { schema: productSchema, display: ["id", "name", "reference"], filter });
    return Object.fromEntries(products.map((p) => [p.id, `${pickLanguage(p.name)}${p.reference ? ` (${p.reference})` : ""}`]));
  } catch (err) {
    logger.warn({ err, kind }, "export: names of failed records not read from the shop");
    return {};
  }
}
