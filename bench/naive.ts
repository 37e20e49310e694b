/**
 * The baseline the benchmark compares with: the original module's way — each record on its own,
 * one request after the other: its shop reads, three CRM look-ups (the three e-mail modules for a
 * customer; code, name and currency for a product), then its create(s).
 */
import type { Customer, Product } from "@/lib/prestashop/schemas";
import { customerSchema, pickLanguage, productSchema } from "@/lib/prestashop/schemas";
import type { SyncContext } from "@/lib/sync/context";
import { accountFromCustomer } from "@/lib/sync/mapping/account";
import { contactFromCustomer } from "@/lib/sync/mapping/contact";
import { leadFromCustomer } from "@/lib/sync/mapping/lead";
import { companyOf } from "@/lib/sync/mapping/place";
import { productCode, productFromShopProduct } from "@/lib/sync/mapping/product";
import { createRecord } from "@/lib/sync/rules/create-record";
import { findOneBy } from "@/lib/sync/rules/crm-lookup";
import { customerPlace } from "@/lib/sync/rules/shop-places";
import type { ExportKind } from "@/lib/exports/kinds";

async function exportCustomer(ctx: SyncContext, customer: Customer): Promise<void> {
  const place = await customerPlace(ctx, customer);
  const ordered = (await ctx.shop.list("orders", { display: ["id"], filter: { id_customer: customer.id }, limit: 1 })).length > 0;
  for (const [module, field] of [["Contacts", "email"], ["Accounts", "email1"], ["Leads", "email"]] as const) {
    if (await findOneBy(ctx, module, field, customer.email)) return;
  }
  if (!ordered) {
    await createRecord(ctx, "Leads", leadFromCustomer(customer, place, ctx.settings));
    return;
  }
  const company = companyOf(customer.company, place);
  const accountId = company ? await createRecord(ctx, "Accounts", accountFromCustomer(customer, place, company, ctx.settings)).catch(async () => (await findOneBy(ctx, "Accounts", "accountname", company))?.id) : undefined;
  await createRecord(ctx, "Contacts", contactFromCustomer(customer, place, accountId, ctx.settings));
}

/** Three look-ups as the original did them: the code (skipped when found), a namesake, then the shop's currency in the CRM. */
async function exportProduct(ctx: SyncContext, product: Product): Promise<void> {
  if (await findOneBy(ctx, "Products", "productcode", productCode(product.reference, product.id))) return;
  await findOneBy(ctx, "Products", "productname", pickLanguage(product.name, 1));
  await ctx.crm.query("SELECT id FROM Currency WHERE currency_status = 'Active';");
  await createRecord(ctx, "Products", productFromShopProduct(product, null, ctx.settings));
}

/** The first `limit` records of `kind`, one at a time. */
export async function naiveExport(ctx: SyncContext, kind: ExportKind, limit: number): Promise<void> {
  let left = limit;
  if (kind === "customers") {
    for await (const customer of ctx.shop.iterate("customers", { schema: customerSchema, pageSize: Math.min(100, limit) })) {
      if (left-- <= 0) return;
      await exportCustomer(ctx, customer);
    }
  } else {
    for await (const product of ctx.shop.iterate("products", { schema: productSchema, pageSize: Math.min(100, limit) })) {
      if (left-- <= 0) return;
      await exportProduct(ctx, product);
    }
  }
}
