/**
 * filter / sort / limit / date as WebserviceRequest::manageFilters and SQLUtils apply them
 * (reference §5.2–5.4), over 2,500 generated customers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { wsJson } from "./test-client.ts";

let sandbox: PrestashopSandbox;
const ids = (list: Array<{ id: number }>) => list.map((item) => item.id);

beforeAll(async () => {
  sandbox = await startPrestashopSandbox({ port: 0, customers: 2500, products: 50, seed: 11 });
});
afterAll(() => sandbox.close());

describe("filter values", () => {
  it("matches a plain value, a [value] and a [a|b] list", async () => {
    expect((await wsJson(sandbox, "customers?filter[id]=7")).body).toEqual({ customers: [{ id: 7 }] });
    expect((await wsJson(sandbox, "customers?filter[id]=[7]")).body).toEqual({ customers: [{ id: 7 }] });
    expect(ids((await wsJson(sandbox, "customers?filter[id]=[9|3|5]")).body.customers)).toEqual([3, 5, 9]);
  });

  it("takes [a,b] as an inclusive interval whatever the order of its ends", async () => {
    expect(ids((await wsJson(sandbox, "customers?filter[id]=[5,2]")).body.customers)).toEqual([2, 3, 4, 5]);
  });

  it("supports strict > and <, and ! exclusions", async () => {
    expect(ids((await wsJson(sandbox, "customers?filter[id]=>[2497]")).body.customers)).toEqual([2498, 2499, 2500]);
    expect(ids((await wsJson(sandbox, "customers?filter[id]=<[3]")).body.customers)).toEqual([1, 2]);
    const excluded = ids((await wsJson(sandbox, "customers?filter[id]=[1,5]&filter[is_guest]=![1]&display=[id]")).body.customers);
    expect(excluded.every((id) => sandbox.control.shop.table("customers").get(id)?.is_guest === 0)).toBe(true);
  });

  it("turns %[x]% into a case-insensitive LIKE, while %x% without brackets stays an equality", async () => {
    const customer = sandbox.control.shop.table("customers").get(42);
    const part = String(customer?.email).split("@")[0]?.toUpperCase() ?? "";
    const like = await wsJson(sandbox, `customers?filter[email]=%25[${part}]%25`);
    expect(ids(like.body.customers)).toContain(42);
    const prefix = await wsJson(sandbox, `customers?filter[email]=[${part}]%25`);
    expect(ids(prefix.body.customers)).toContain(42);
    expect((await wsJson(sandbox, `customers?filter[email]=%25${part}%25`)).body).toEqual([]);
  });

  it("filters multilingual fields in any requested language", async () => {
    const name = (sandbox.control.shop.table("products").get(1)?.name as Record<number, string>)[2] ?? "";
    const { body } = await wsJson(sandbox, `products?filter[name]=[${encodeURIComponent(name)}]&display=[id]`);
    expect(ids(body.products)).toContain(1);
  });

  it("rejects unknown, empty and dynamic filters with #32, #33, #34 (then PHP 8 warnings: HTTP 500)", async () => {
    const unknown = await wsJson(sandbox, "customers?filter[emial]=x");
    expect(unknown.status).toBe(500);
    expect(unknown.body.errors[0].code).toBe(32);
    expect(unknown.body.errors[0].message).toMatch(/^This filter does not exist\. Did you mean: "email"\?/);
    expect(unknown.body.errors.slice(1).map((e: { code: number }) => e.code)).toEqual([3, 3, 3, 3]);
    expect((await wsJson(sandbox, "customers?filter[email]=")).body.errors[0].code).toBe(33);
    expect((await wsJson(sandbox, "orders?filter[shipping_number]=x")).body.errors[0].code).toBe(34);
  });
});

describe("dates", () => {
  it("needs date=1 to filter or sort on date_upd (#32 / #38 without it)", async () => {
    const filtered = await wsJson(sandbox, "customers?filter[date_upd]=>[2024-01-01 00:00:00]");
    expect(filtered.body.errors[0].code).toBe(32);
    const sorted = await wsJson(sandbox, "customers?sort=[date_upd_DESC]");
    expect(sorted.body.errors[0].code).toBe(38);
  });

  it("filters changes since a time with date=1, including intervals", async () => {
    const since = "2025-06-01 00:00:00";
    const { body } = await wsJson(sandbox, `customers?date=1&filter[date_upd]=>[${since}]&display=[id,date_upd]&sort=[date_upd_ASC,id_ASC]`);
    expect(body.customers.length).toBeGreaterThan(0);
    expect(body.customers.every((c: { date_upd: string }) => c.date_upd > since)).toBe(true);
    const dates = body.customers.map((c: { date_upd: string }) => c.date_upd);
    expect([...dates].sort()).toEqual(dates);
    const range = await wsJson(sandbox, "customers?date=1&filter[date_add]=[2024-01-01 00:00:00,2024-01-31 23:59:59]&display=[date_add]");
    expect(range.body.customers.every((c: { date_add: string }) => c.date_add.startsWith("2024-01"))).toBe(true);
  });

  it("displays date_upd without date=1 (display is not a filter)", async () => {
    expect((await wsJson(sandbox, "customers?display=[date_upd]&limit=1")).status).toBe(200);
  });
});

describe("sort and limit", () => {
  it("pages through 2,500 customers with sort=[id_ASC] and limit=offset,count, each id once", async () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 400) {
      const { body } = await wsJson(sandbox, `customers?sort=[id_ASC]&limit=${offset},400`);
      if (Array.isArray(body)) break;
      seen.push(...ids(body.customers));
    }
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
  });

  it("sorts on several fields, direction after the last underscore, case-insensitive", async () => {
    const { body } = await wsJson(sandbox, "customers?sort=[is_guest_desc,id_DESC]&display=[id,is_guest]&limit=5");
    expect(body.customers.every((c: { is_guest: string }) => c.is_guest === "1")).toBe(true);
    const list = ids(body.customers);
    expect([...list].sort((a, b) => b - a)).toEqual(list);
  });

  it("pages with keyset filter[id]=>[last]", async () => {
    const { body } = await wsJson(sandbox, "customers?filter[id]=>[100]&sort=[id_ASC]&limit=3");
    expect(ids(body.customers)).toEqual([101, 102, 103]);
  });

  it("rejects a bad sort with #37", async () => {
    expect((await wsJson(sandbox, "customers?sort=[id]")).body.errors[0].code).toBe(37);
  });
});
