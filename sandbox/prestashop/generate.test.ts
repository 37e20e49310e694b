/**
 * The generated shop: deterministic, fast at 10,000 customers and products, and shaped like a real
 * one (guests, companies, customers without address or orders, invoiced orders, several currencies).
 */
import { describe, expect, it } from "vitest";
import { generateShop } from "./generate.ts";

describe("generateShop", () => {
  it("gives the same shop for the same seed and another for another seed", () => {
    const a = generateShop({ customers: 300, products: 50, seed: 4 });
    const b = generateShop({ customers: 300, products: 50, seed: 4 });
    const c = generateShop({ customers: 300, products: 50, seed: 5 });
    for (const table of ["customers", "addresses", "products", "orders", "order_details", "order_histories"]) {
      expect(b.table(table).all()).toEqual(a.table(table).all());
    }
    expect(c.table("customers").all()).not.toEqual(a.table("customers").all());
  });

  it("builds 10,000 customers and 10,000 products in well under 2 s", () => {
    // CPU time, not wall time: test files run in parallel on shared machines.
    const started = process.cpuUsage();
    const shop = generateShop({ customers: 10_000, products: 10_000, seed: 1 });
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2_000);
    expect(shop.table("customers").size).toBe(10_000);
    expect(shop.table("products").size).toBe(10_000);
  });

  it("mixes the cases the connector must handle", () => {
    const shop = generateShop({ customers: 600, products: 80, seed: 2 });
    const customers = shop.table("customers").all();
    const buyers = new Set(shop.table("orders").all().map((o) => o.id_customer));
    const withAddress = new Set(shop.table("addresses").all().map((a) => a.id_customer));
    expect(buyers.size).toBe(300);
    expect(customers.filter((c) => c.company !== "").length).toBe(200);
    expect(customers.some((c) => c.is_guest === 1)).toBe(true);
    expect(customers.some((c) => !withAddress.has(c.id))).toBe(true);
    const products = shop.table("products").all();
    expect(products.some((p) => p.reference === "")).toBe(true);
    expect(products.some((p) => p.active === 0)).toBe(true);
    expect(new Set(shop.table("orders").all().map((o) => o.id_currency))).toEqual(new Set([1, 2, 3]));
  });

  it("invoices exactly the orders that reached a state allowing invoices", () => {
    const shop = generateShop({ customers: 400, products: 40, seed: 3 });
    const invoicing = new Set(shop.table("order_states").all().filter((s) => s.invoice === 1).map((s) => s.id));
    for (const order of shop.table("orders").all()) {
      const history = shop.table("order_histories").where("id_order", order.id);
      expect(history[history.length - 1]?.id_order_state).toBe(order.current_state);
      expect(Boolean(order.invoice_number)).toBe(history.some((h) => invoicing.has(Number(h.id_order_state))));
    }
  });

  it("keeps totals consistent: paid = products + shipping - discounts (tax incl.)", () => {
    const shop = generateShop({ customers: 200, products: 40, seed: 6 });
    for (const order of shop.table("orders").all()) {
      const expected = Number(order.total_products_wt) + Number(order.total_shipping_tax_incl) - Number(order.total_discounts_tax_incl);
      expect(Number(order.total_paid_tax_incl)).toBeCloseTo(expected, 2);
    }
  });
});
