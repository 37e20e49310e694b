/**
 * The fast path of list requests (indexes, id order, early stop) against the full scan: same rows,
 * same order, on the queries connectors send and on the odd values the filter grammar allows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generateShop } from "./generate.ts";
import { planList } from "./list-query.ts";
import { parsePhpQuery } from "./php-query.ts";
import { RESOURCES } from "./resources.ts";
import { selectByScan, selectIndexed } from "./select-rows.ts";
import type { ShopData } from "./store.ts";

let shop: ShopData;

beforeAll(() => {
  shop = generateShop({ customers: 400, products: 60, seed: 9 });
  // Values a well-behaved shop does not hold, but a column may: text in an int column, NULL.
  const addresses = shop.table("addresses");
  addresses.insert({ id_customer: "7", alias: "text id", deleted: 0 });
  addresses.insert({ id_customer: "7abc", alias: "text with a number first", deleted: 0 });
  addresses.insert({ id_customer: null, alias: "NULL", deleted: 0 });
  addresses.insert({ alias: "unset: the column default 0", deleted: 0 });
});

function plan(resource: string, query: string) {
  const def = RESOURCES.get(resource);
  if (!def) throw new Error(resource);
  return planList(parsePhpQuery(query), { resource: def, version: "8", shop, languages: [1, 2] });
}

/** Both paths, and whether the fast one applied. */
function bothPaths(resource: string, query: string) {
  const listPlan = plan(resource, query);
  const table = shop.table(resource);
  const fast = selectIndexed(table, listPlan, shop);
  const ids = (rows: ReadonlyArray<{ id: number }> | null) => rows?.map((row) => row.id) ?? null;
  return { fast: ids(fast), scan: ids(selectByScan(table, listPlan)) };
}

const idList = (ids: number[]) => `[${ids.join("|")}]`;

describe("indexed list selection", () => {
  const customerIds = [3, 17, 18, 44, 101, 250, 399, 400, 401, 9999];

  const fastCases: Array<[string, string]> = [
    ["customers", "filter[id]=>[120]&sort=[id_ASC]&limit=100"],
    ["customers", "filter[id]=>[350]&sort=[id_ASC]&limit=100"],
    ["customers", "filter[id]=>[0]&sort=[id_ASC]&limit=10,25"],
    ["customers", "filter[id]=>[120.5]&limit=5"],
    ["customers", "filter[id]=>[-3]&sort=[id_ASC]&limit=0"],
    ["customers", "filter[id]=>[120]&filter[is_guest]=0&filter[active]=1&sort=[id_ASC]&limit=30"],
    ["customers", "filter[id]=>[120]&sort=[id_DESC]&limit=5"],
    ["customers", "filter[id]=>[120]&sort=[lastname_ASC,id_DESC]&limit=3,8"],
    ["customers", "filter[id]=>[390]"],
    ["customers", "sort=[id_ASC]&limit=100"],
    ["customers", "filter[email]=%[example]%&sort=[id_ASC]&limit=7"],
    ["customers", `filter[id]=${idList(customerIds)}&sort=[id_ASC]`],
    ["customers", `filter[id]=${idList([400, 3, 3, 17])}`],
    ["customers", `filter[id]=${idList(customerIds)}&sort=[email_DESC]&limit=2,3`],
    ["customers", "filter[id]=17"],
    ["customers", "filter[id]=[17]"],
    ["customers", "filter[id]=17abc"],
    ["customers", "filter[id]=[1e1|0x11|  18|-0|abc]"],
    ["addresses", `filter[id_customer]=${idList(customerIds)}&filter[deleted]=0&sort=[id_ASC]`],
    ["addresses", "filter[id_customer]=[7|0]&sort=[id_ASC]"],
    ["addresses", "filter[id_customer]=0"],
    ["addresses", "filter[id_customer]=[7abc|7]"],
    ["orders", `filter[id_customer]=${idList(customerIds)}`],
    ["orders", `filter[id_customer]=${idList(customerIds)}&filter[id]=>[50]&sort=[id_ASC]&limit=3`],
    ["stock_availables", "filter[id_product]=[1|2|3|59|60|61]&filter[id_product_attribute]=0"],
    ["order_details", "filter[id_order]=[2|4|8]&sort=[product_name_ASC]"],
  ];

  it.each(fastCases)("%s?%s: the fast path gives the scan's rows", (resource, query) => {
    const { fast, scan } = bothPaths(resource, query);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(scan);
  });

  it("finds rows the connectors page through (sanity check of the cases above)", () => {
    expect(bothPaths("customers", "filter[id]=>[120]&sort=[id_ASC]&limit=100").fast).toHaveLength(100);
    expect(bothPaths("customers", `filter[id]=${idList(customerIds)}&sort=[id_ASC]`).fast).toEqual([3, 17, 18, 44, 101, 250, 399, 400]);
    expect(bothPaths("addresses", "filter[id_customer]=[7|0]&sort=[id_ASC]").fast?.length).toBeGreaterThanOrEqual(2);
  });

  const scanCases: Array<[string, string]> = [
    ["customers", "filter[id]=[5,9]"], // range
    ["customers", "filter[id]=<[9]"],
    ["customers", "filter[id]=![1|2]&limit=5"], // not id order with a limit? it is: the scan decides
    ["customers", "filter[lastname]=[Martin]&sort=[email_ASC]"],
    ["customers", "filter[id]=>[5]&date=1&sort=[date_add_DESC]&limit=4"], // date=1 adds columns
  ];

  it.each(scanCases)("%s?%s: the general path answers", (resource, query) => {
    const listPlan = plan(resource, query);
    const table = shop.table(resource);
    const fast = selectIndexed(table, listPlan, shop);
    if (fast) expect(fast.map((row) => row.id)).toEqual(selectByScan(table, listPlan).map((row) => row.id));
    else expect(selectByScan(table, listPlan).length).toBeGreaterThanOrEqual(0);
  });

  it("keeps the indexes right when rows change or go", () => {
    const query = "filter[id_customer]=[11|12]&sort=[id_ASC]";
    expect(bothPaths("addresses", query).fast).toEqual(bothPaths("addresses", query).scan); // builds the index
    const addresses = shop.table("addresses");
    const moved = addresses.insert({ id_customer: 11, alias: "new", deleted: 0 });
    addresses.update(moved.id, { id_customer: 12 });
    const first = addresses.all().find((row) => row.id_customer === 11 || row.id_customer === 12);
    if (first) addresses.delete(first.id);
    const { fast, scan } = bothPaths("addresses", query);
    expect(fast).toContain(moved.id);
    expect(fast).toEqual(scan);
  });
});
