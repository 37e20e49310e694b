/**
 * The version knob: what changes on the wire between 1.6, 1.7, 8 and 9 (reference §6.3–6.5, §10),
 * and the multilingual shapes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { ws, wsJson } from "./test-client.ts";

let sandbox: PrestashopSandbox;
/** A registered customer without company and note: falsy fields to drop. */
let plainCustomer: number;

beforeAll(async () => {
  sandbox = await startPrestashopSandbox({ port: 0, customers: 30, products: 10, seed: 5 });
  plainCustomer = sandbox.control.shop.table("customers").all().find((c) => c.company === "" && c.is_guest === 0)?.id ?? 0;
});
afterEach(() => sandbox.control.configure({ version: "8", languages: 2 }));
afterAll(() => sandbox.close());

describe("falsy fields in JSON detail views", () => {
  it("8 drops them (array_filter), keeps \"0.000000\", and list views keep everything", async () => {
    const { body } = await wsJson(sandbox, `customers/${plainCustomer}`);
    expect(body.customer).not.toHaveProperty("company");
    expect(body.customer).not.toHaveProperty("deleted");
    expect(body.customer).not.toHaveProperty("is_guest");
    expect(body.customer.outstanding_allow_amount).toBe("0.000000");
    const list = await wsJson(sandbox, `customers?filter[id]=${plainCustomer}&display=full`);
    expect(list.body.customers[0]).toMatchObject({ company: "", deleted: "0", is_guest: "0" });
  });

  it("1.6 keeps them", async () => {
    sandbox.control.configure({ version: "1.6" });
    const { body } = await wsJson(sandbox, `customers/${plainCustomer}`);
    expect(body.customer).toMatchObject({ company: "", deleted: "0", is_guest: "0" });
  });
});

describe("value types", () => {
  it("8: ints are numbers, bools and money strings; the default currency's bools stay ints", async () => {
    const { body } = await wsJson(sandbox, "orders/1?display=[id,id_customer,current_state,valid,total_paid_tax_incl]");
    const order = body.orders[0];
    expect(typeof order.id_customer).toBe("number");
    expect(typeof order.valid).toBe("string");
    expect(order.total_paid_tax_incl).toMatch(/^\d+\.\d{6}$/);
    const euro = await wsJson(sandbox, "currencies/1");
    expect(euro.body.currency).toMatchObject({ iso_code: "EUR", active: 1, precision: 2, conversion_rate: "1.000000" });
    const dollar = await wsJson(sandbox, "currencies?filter[iso_code]=USD&display=[active]");
    expect(dollar.body.currencies[0].active).toBe("1");
  });

  it("1.7: every column is a string except the object id", async () => {
    sandbox.control.configure({ version: "1.7" });
    const { body } = await wsJson(sandbox, "orders/1");
    expect(body.order.id).toBe(1);
    expect(typeof body.order.id_customer).toBe("string");
    expect(typeof body.order.associations.order_rows[0].product_quantity).toBe("string");
  });
});

describe("order rows by version", () => {
  it("1.6 has no id, product_isbn or id_customization in order_rows", async () => {
    sandbox.control.configure({ version: "1.6" });
    const { body } = await wsJson(sandbox, "orders/1");
    const row = body.order.associations.order_rows[0];
    expect(row).not.toHaveProperty("id");
    expect(row).not.toHaveProperty("product_isbn");
    expect(row).not.toHaveProperty("id_customization");
    expect(row).toHaveProperty("product_reference");
  });
});

describe("field lists and headers by version", () => {
  it("sends the release as PSWS-Version and switches resource fields", async () => {
    for (const [version, release] of [["1.6", "1.6.1.24"], ["1.7", "1.7.8.8"], ["9", "9.0.3"]] as const) {
      sandbox.control.configure({ version });
      const reply = await ws(sandbox, "products/1?output_format=JSON&display=full");
      expect(reply.headers.get("psws-version")).toBe(release);
      const product = (reply.json() as { products: Array<Record<string, unknown>> }).products[0] ?? {};
      expect("meta_keywords" in product).toBe(version !== "9");
      expect("isbn" in product).toBe(version !== "1.6");
    }
    sandbox.control.configure({ version: "1.6" });
    const currency = (await wsJson(sandbox, "currencies/1")).body.currency;
    expect(Object.keys(currency)).toEqual(["id", "name", "iso_code", "iso_code_num", "sign", "blank", "format", "decimals", "conversion_rate", "deleted", "active"]);
  });

  it("1.6/1.7 list the resource names as the JSON root instead of crashing", async () => {
    sandbox.control.configure({ version: "1.7" });
    const reply = await wsJson(sandbox, "");
    expect(reply.status).toBe(200);
    expect(reply.body).toContain("customers");
  });

  it("1.6 answers a bad filter with a clean 400 (no PHP 8 warnings)", async () => {
    sandbox.control.configure({ version: "1.6" });
    const reply = await wsJson(sandbox, "customers?filter[nope]=1");
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toHaveLength(1);
  });
});

describe("multilingual values", () => {
  it("are [{id,value}] with two languages, a plain string with language=N or one active language", async () => {
    const two = await wsJson(sandbox, "order_states/2");
    expect(two.body.order_state.name).toEqual([
      { id: 1, value: "Payment accepted" },
      { id: 2, value: "Paiement accepté" },
    ]);
    expect((await wsJson(sandbox, "order_states/2?language=2")).body.order_state.name).toBe("Paiement accepté");
    sandbox.control.configure({ languages: 1 });
    expect((await wsJson(sandbox, "order_states/2")).body.order_state.name).toBe("Payment accepted");
  });

  it("rejects an unavailable language with #81", async () => {
    expect((await wsJson(sandbox, "order_states/2?language=7")).body.errors[0].code).toBe(81);
  });
});
