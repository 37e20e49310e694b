import { describe, expect, it } from "vitest";
import { VtigerUsageError } from "./errors";
import { chunk, ident, vtql, vtqlLiteral } from "./vtql";

describe("vtqlLiteral", () => {
  it("quotes strings with doubled single quotes", () => {
    expect(vtqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(vtqlLiteral("Müller")).toBe("'Müller'");
    expect(vtqlLiteral("'")).toBe("''''");
  });

  it("doubles backslashes, which MySQL would read as escapes", () => {
    expect(vtqlLiteral("C:\\temp\\")).toBe("'C:\\\\temp\\\\'");
  });

  it("writes integers bare and quotes decimals", () => {
    expect(vtqlLiteral(42)).toBe("42");
    expect(vtqlLiteral(-7)).toBe("-7");
    expect(vtqlLiteral(10.5)).toBe("'10.5'");
    expect(vtqlLiteral(true)).toBe("1");
    expect(vtqlLiteral(false)).toBe("0");
  });

  it("refuses what VTQL cannot express", () => {
    expect(() => vtqlLiteral("")).toThrow(VtigerUsageError);
    expect(() => vtqlLiteral("")).toThrow("empty string");
    expect(() => vtqlLiteral(Number.NaN)).toThrow(VtigerUsageError);
    expect(() => vtqlLiteral(Infinity)).toThrow(VtigerUsageError);
    expect(() => vtqlLiteral(1e21)).toThrow("pass it as a string");
    expect(() => vtqlLiteral(null as unknown as string)).toThrow("not null");
  });
});

describe("vtql", () => {
  it("builds a lookup", () => {
    const email = "jo'@example.com";
    expect(vtql`SELECT * FROM Leads WHERE email = ${email};`).toBe("SELECT * FROM Leads WHERE email = 'jo''@example.com';");
  });

  it("turns arrays into IN lists", () => {
    expect(vtql`SELECT id FROM Leads WHERE id IN ${["10x1", "10x2"]};`).toBe("SELECT id FROM Leads WHERE id IN ('10x1', '10x2');");
    expect(vtql`SELECT id FROM Products WHERE unit_price IN ${[1, 2.5]};`).toBe(
      "SELECT id FROM Products WHERE unit_price IN (1, '2.5');",
    );
    expect(() => vtql`SELECT id FROM Leads WHERE id IN ${[]};`).toThrow("at least one value");
    expect(() => vtql`SELECT id FROM Leads WHERE id IN ${[["10x1"]] as unknown as string[]};`).toThrow("nested list");
  });

  it("writes validated identifiers bare", () => {
    expect(vtql`SELECT ${ident("firstname", "lastname")} FROM ${ident("Leads")} WHERE ${ident("cf_851")} = ${7};`).toBe(
      "SELECT firstname, lastname FROM Leads WHERE cf_851 = 7;",
    );
    expect(() => ident("Leads; DELETE")).toThrow(VtigerUsageError);
    expect(() => ident("1abc")).toThrow(VtigerUsageError);
    expect(() => ident()).toThrow(VtigerUsageError);
  });

  it("keeps injection attempts inside one literal", () => {
    const evil = "x' OR '1'='1";
    expect(vtql`SELECT * FROM Leads WHERE lastname = ${evil};`).toBe("SELECT * FROM Leads WHERE lastname = 'x'' OR ''1''=''1';");
    const semicolon = "a'; SELECT * FROM Users;";
    expect(vtql`SELECT * FROM Leads WHERE lastname = ${semicolon};`).toBe(
      "SELECT * FROM Leads WHERE lastname = 'a''; SELECT * FROM Users;';",
    );
    // A trailing backslash must not escape the closing quote once vtiger hands the text to MySQL.
    const backslash = "x\\' OR 1=1 -- ";
    expect(vtql`SELECT * FROM Leads WHERE lastname = ${backslash};`).toBe(
      "SELECT * FROM Leads WHERE lastname = 'x\\\\'' OR 1=1 -- ';",
    );
  });

  it("rejects values placed inside quotes of the template", () => {
    expect(() => vtql`SELECT * FROM Leads WHERE lastname LIKE '%${"x"}%';`).toThrow("Do not put quotes");
    expect(vtql`SELECT * FROM Leads WHERE company = 'ACME' AND lastname LIKE ${"%x%"};`).toBe(
      "SELECT * FROM Leads WHERE company = 'ACME' AND lastname LIKE '%x%';",
    );
  });
});

describe("chunk", () => {
  it("splits into batches of 100 by default", () => {
    const values = Array.from({ length: 250 }, (_, i) => i);
    expect(chunk(values).map((b) => b.length)).toEqual([100, 100, 50]);
    expect(chunk(["a", "b", "c"], 2)).toEqual([["a", "b"], ["c"]]);
    expect(chunk([])).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(VtigerUsageError);
  });
});
