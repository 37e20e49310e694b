import { describe, expect, it } from "vitest";
import { PrestashopUsageError } from "./errors";
import { between, contains, endsWith, eq, gt, lt, not, oneOf, startsWith } from "./filter";
import { listQueryString } from "./query";

/**
 * How PrestaShop reads a filter value (SQLUtils::getSQLRetrieveFilter, reference §5.2), reduced
 * to the condition it produces; "none" means the filter silently adds no condition at all.
 */
function prestashopReads(value: string): string {
  const m = /^(.*)\[(.*)\](.*)$/.exec(value);
  if (!m) return `= ${value}`;
  const [, before = "", inside = "", after = ""] = m;
  if (before === "%" || after === "%") return `LIKE ${before}${inside}${after}`;
  if (before === "" && after === "") {
    if (inside.indexOf("|") > 0) return `IN ${inside.split("|").join(",")}`;
    const range = /^([\d.:\-\s]+),([\d.:\-\s]+)$/.exec(inside);
    if (range) return `BETWEEN ${range[1]} AND ${range[2]}`;
    return `= ${inside}`;
  }
  if (before === ">") return `> ${inside}`;
  if (before === "<") return `< ${inside}`;
  if (before === "!") return `NOT IN ${inside.split("|").join(",")}`;
  return "none";
}

describe("filter values", () => {
  it.each([
    ["plain text", "jane@example.com", "= jane@example.com"],
    ["a number", 42, "= 42"],
    ["brackets in the wrong order", "a]b[c", "= a]b[c"],
    ["a list separator", "a|b", "= a|b"],
    ["a range lookalike", "2,5", "= 2,5"],
    ["percent signs", "%abc%", "= %abc%"],
    ["the empty string", "", "= "],
  ])("eq keeps %s exact", (_what, value, reading) => {
    expect(prestashopReads(eq(value))).toBe(reading);
  });

  it("eq refuses values PrestaShop cannot match exactly", () => {
    expect(() => eq("Shirt [red]")).toThrow(PrestashopUsageError);
    expect(() => eq("Shirt [red]")).toThrow(/cannot filter on "Shirt \[red\]"/);
  });

  it("builds lists, negations and comparisons", () => {
    expect(prestashopReads(oneOf([1, 5, 9]))).toBe("IN 1,5,9");
    expect(oneOf(["PS_OS_PAYMENT"])).toBe("PS_OS_PAYMENT");
    expect(prestashopReads(oneOf(["a]b", "c"]))).toBe("IN a]b,c");
    expect(prestashopReads(not([3, 4]))).toBe("NOT IN 3,4");
    expect(prestashopReads(not(3))).toBe("NOT IN 3");
    expect(prestashopReads(gt("2024-01-01 10:00:00"))).toBe("> 2024-01-01 10:00:00");
    expect(prestashopReads(lt(10))).toBe("< 10");
    expect(prestashopReads(between("2024-01-01 00:00:00", "2024-12-31 23:59:59"))).toBe(
      "BETWEEN 2024-01-01 00:00:00 AND 2024-12-31 23:59:59",
    );
  });

  it("refuses list values that would change the list", () => {
    expect(() => oneOf([])).toThrow(PrestashopUsageError);
    expect(() => oneOf(["a|b", "c"])).toThrow(/contains “\|”/);
    expect(() => oneOf(["", "c"])).toThrow(PrestashopUsageError);
    expect(() => not([])).toThrow(PrestashopUsageError);
    expect(() => gt("a[b")).toThrow(/contains “\[”/);
    expect(() => between("2024-01-01", "tomorrow")).toThrow(/not a number, date or time/);
    expect(() => eq(Number.NaN)).toThrow(PrestashopUsageError);
  });

  it("builds LIKE patterns whose own % and _ stay literal", () => {
    expect(prestashopReads(startsWith("Hummingbird"))).toBe("LIKE Hummingbird%");
    expect(prestashopReads(endsWith("@example.com"))).toBe("LIKE %@example.com");
    expect(prestashopReads(contains("50%_off"))).toBe("LIKE %50\\%\\_off%");
    expect(contains("a\\b")).toBe("%[a\\\\b]%");
  });
});

describe("listQueryString", () => {
  it("defaults to display=full and encodes filter values", () => {
    expect(listQueryString({ filter: { email: eq("a+b@example.com"), id_customer: 7 } })).toBe(
      "display=full&filter[email]=a%2Bb%40example.com&filter[id_customer]=7",
    );
  });

  it("sends field lists, sort, limit and language", () => {
    expect(
      listQueryString({ display: ["id", "email"], sort: "[id_ASC]", limit: { offset: 200, count: 100 }, language: 1 }),
    ).toBe("display=%5Bid%2Cemail%5D&sort=%5Bid_ASC%5D&limit=200,100&language=1");
    expect(listQueryString({ display: ["id", "associations[order_rows[id,product_id]]"], limit: 5 })).toBe(
      `display=${encodeURIComponent("[id,associations[order_rows[id,product_id]]]")}&limit=5`,
    );
  });

  it("adds date=1 whenever a date field is filtered or sorted", () => {
    expect(listQueryString({ filter: { date_upd: gt("2024-01-01 00:00:00") } })).toBe(
      "display=full&filter[date_upd]=%3E%5B2024-01-01%2000%3A00%3A00%5D&date=1",
    );
    expect(listQueryString({ sort: ["date_add_ASC", "id_ASC"] })).toBe("display=full&sort=%5Bdate_add_ASC%2Cid_ASC%5D&date=1");
    expect(listQueryString({ display: ["id", "date_upd"] })).not.toContain("date=1");
  });

  it("refuses malformed fields, sorts and limits", () => {
    expect(() => listQueryString({ filter: { "id]&ws_key=x": eq(1) } })).toThrow(PrestashopUsageError);
    expect(() => listQueryString({ display: ["id,email"] })).toThrow(PrestashopUsageError);
    expect(() => listQueryString({ display: [] })).toThrow(PrestashopUsageError);
    expect(() => listQueryString({ sort: "id_asc" })).toThrow(/Invalid sort/);
    expect(() => listQueryString({ limit: 0 })).toThrow(PrestashopUsageError);
    expect(() => listQueryString({ limit: { offset: -1, count: 10 } })).toThrow(PrestashopUsageError);
  });
});
