/**
 * Envelopes and shapes of the webservice output (reference §5.1, §6): lists, details, `display`,
 * empty results, 404s, XML, order rows and the error format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { ws, wsJson } from "./test-client.ts";

let sandbox: PrestashopSandbox;

beforeAll(async () => {
  sandbox = await startPrestashopSandbox({ port: 0, customers: 60, products: 30, seed: 3 });
});
afterAll(() => sandbox.close());

describe("JSON envelopes", () => {
  it("lists ids only by default", async () => {
    const { status, body } = await wsJson(sandbox, "customers?limit=3");
    expect(status).toBe(200);
    expect(body).toEqual({ customers: [{ id: 1 }, { id: 2 }, { id: 3 }] });
  });

  it("wraps a detail in the singular node, and in the plural list as soon as `display` is in the query", async () => {
    const detail = await wsJson(sandbox, "customers/1");
    expect(Object.keys(detail.body)).toEqual(["customer"]);
    expect(detail.body.customer.id).toBe(1);
    const withDisplay = await wsJson(sandbox, "customers/1?display=full");
    expect(Object.keys(withDisplay.body)).toEqual(["customers"]);
    expect(withDisplay.body.customers).toHaveLength(1);
  });

  it("renders only the fields asked, in resource order", async () => {
    const { body } = await wsJson(sandbox, "customers?display=[email,id]&limit=2");
    expect(body.customers).toHaveLength(2);
    expect(Object.keys(body.customers[0])).toEqual(["id", "email"]);
  });

  it("exposes passwd and secure_key, as PrestaShop does", async () => {
    const { body } = await wsJson(sandbox, "customers/1?display=full");
    expect(body.customers[0].passwd).toMatch(/^\$2y\$10\$/);
    expect(body.customers[0].secure_key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("answers an empty result with a bare []", async () => {
    const { status, body } = await wsJson(sandbox, "customers?filter[email]=nobody@example.com&display=full");
    expect(status).toBe(200);
    expect(body).toEqual([]);
  });

  it("answers an unknown id with 404, an empty body and no Content-Type", async () => {
    const reply = await ws(sandbox, "customers/99999?output_format=JSON");
    expect(reply.status).toBe(404);
    expect(reply.text).toBe("");
    expect(reply.headers.get("content-type")).toBeNull();
  });

  it("reads the id of a detail as PHP's (int) cast", async () => {
    const { body } = await wsJson(sandbox, "customers/2abc?display=[id]");
    expect(body).toEqual({ customers: [{ id: 2 }] });
  });

  it("selects association fields with nested brackets", async () => {
    const order = sandbox.control.shop.table("orders").all()[0];
    const { body } = await wsJson(sandbox, `orders?filter[id]=${order?.id}&display=[id,order_rows[product_id,product_quantity]]`);
    const [row] = body.orders[0].associations.order_rows;
    expect(Object.keys(row)).toEqual(["product_id", "product_quantity"]);
  });

  it("lists the available fields when `display` names an unknown one (#35)", async () => {
    const { status, body } = await wsJson(sandbox, "customers?display=[id,phone]");
    expect(status).toBe(500);
    expect(body.errors[0].code).toBe(35);
    expect(body.errors[0].message).toMatch(/^Unable to display this field "phone"\. However, these are available: id, id_default_group/);
  });
});

describe("order rows", () => {
  it("carries the PS 8 order_rows columns, money as 6-decimal strings", async () => {
    const { body } = await wsJson(sandbox, "orders/1");
    const rows = body.order.associations.order_rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual([
      "id", "product_id", "product_attribute_id", "product_quantity", "product_name", "product_reference",
      "product_ean13", "product_isbn", "product_upc", "product_price", "id_customization", "unit_price_tax_incl",
      "unit_price_tax_excl",
    ]);
    expect(rows[0].unit_price_tax_excl).toMatch(/^\d+\.\d{6}$/);
    expect(typeof rows[0].product_quantity).toBe("number");
  });

  it("has the same lines as order_details", async () => {
    const { body } = await wsJson(sandbox, "order_details?filter[id_order]=1&display=[id,product_id]");
    const { body: order } = await wsJson(sandbox, "orders/1");
    expect(body.order_details.map((d: { id: number }) => d.id)).toEqual(order.order.associations.order_rows.map((r: { id: number }) => r.id));
  });
});

describe("XML", () => {
  it("is the default format, with links and CDATA", async () => {
    const reply = await ws(sandbox, "customers?limit=2");
    expect(reply.headers.get("content-type")).toBe("text/xml;charset=utf-8");
    expect(reply.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n<customers>\n' +
        `<customer id="1" xlink:href="${sandbox.url}api/customers/1"/>\n<customer id="2" xlink:href="${sandbox.url}api/customers/2"/>\n` +
        "</customers>\n</prestashop>\n",
    );
  });

  it("renders multilingual fields per language and the order_rows association", async () => {
    const product = await ws(sandbox, "products/1");
    expect(product.text).toMatch(/<name><language id="1" xlink:href="[^"]+languages\/1"><!\[CDATA\[[^\]]+\]\]><\/language><language id="2"/);
    const order = await ws(sandbox, "orders/1");
    expect(order.text).toContain('<order_rows nodeType="order_row" virtualEntity="true">\n<order_row>\n<id><![CDATA[');
    expect(order.text).toContain('<shipping_number notFilterable="true"><![CDATA[]]></shipping_number>');
  });

  it("writes errors in the XML error envelope", async () => {
    const reply = await ws(sandbox, "customers?limit=1,2,3");
    expect(reply.text).toContain(
      '<errors>\n<error>\n<code><![CDATA[39]]></code>\n<message><![CDATA[The "limit" value has to be formed as this example: "5,25" or "10"]]></message>\n</error>\n',
    );
  });

  it("honours Io-Format / Output-Format headers and compares JSON case-sensitively", async () => {
    expect((await ws(sandbox, "customers?limit=1", { headers: { "Output-Format": "JSON" } })).json()).toEqual({ customers: [{ id: 1 }] });
    expect((await ws(sandbox, "customers?limit=1&output_format=json")).text).toMatch(/^<\?xml/);
  });

  it("answers 304 when Local-Content-Sha1 matches, HEAD without a body", async () => {
    const first = await ws(sandbox, "customers?limit=1");
    const sha1 = first.headers.get("content-sha1") ?? "";
    expect(sha1).toMatch(/^[0-9a-f]{40}$/);
    expect((await ws(sandbox, "customers?limit=1", { headers: { "Local-Content-Sha1": sha1 } })).status).toBe(304);
    const head = await ws(sandbox, "customers?limit=1", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-sha1")).toBe(sha1);
  });
});
