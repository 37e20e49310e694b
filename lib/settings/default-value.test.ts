import { describe, expect, it } from "vitest";
import { resolveMessage } from "@/lib/i18n/encoded";
import type { MandatoryField } from "./crm-snapshot";
import { defaultProblem, ORDER_DATE, proposedDefault } from "./default-value";

const prefixes = { Accounts: "11", Contacts: "12", Users: "19" };
const field = (type: string, extra: Partial<MandatoryField> = {}): MandatoryField => ({ name: "f", label: "F", type, ...extra });
const problem = (f: MandatoryField, v: string | undefined) => {
  const p = defaultProblem(f, v, prefixes);
  return p && resolveMessage(p, "en");
};

describe("mandatory defaults (R10)", () => {
  it("proposes --None-- for text, the first picklist value, the order's date, nothing for references", () => {
    expect(proposedDefault(field("string"))).toBe("--None--");
    expect(proposedDefault(field("picklist", { picklistValues: ["Prospecting", "Closed Won"] }))).toBe("Prospecting");
    expect(proposedDefault(field("date"))).toBe(ORDER_DATE);
    expect(proposedDefault(field("reference", { refersTo: ["Accounts"] }))).toBeUndefined();
  });
  it("accepts valid values per type", () => {
    expect(problem(field("string"), "--None--")).toBeNull();
    expect(problem(field("picklist", { picklistValues: ["A", "B"] }), "B")).toBeNull();
    expect(problem(field("date"), "2026-02-28")).toBeNull();
    expect(problem(field("date"), ORDER_DATE)).toBeNull();
    expect(problem(field("currency"), "12.50")).toBeNull();
    expect(problem(field("reference", { refersTo: ["Accounts"] }), "11x42")).toBeNull();
    expect(problem(field("owner"), "19x1")).toBeNull();
  });
  it("refuses invalid values with the reason", () => {
    expect(problem(field("string"), "  ")).toMatch(/vtiger refuses an empty mandatory field/);
    expect(problem(field("picklist", { picklistValues: ["A", "B"] }), "C")).toBe('"C" is not one of the CRM\'s values for this field (A, B).');
    expect(problem(field("date"), "2026-02-30")).toMatch(/YYYY-MM-DD/);
    expect(problem(field("integer"), "1.5")).toMatch(/whole number/);
    expect(problem(field("double"), "1,5")).toMatch(/dot for decimals/);
    expect(problem(field("reference", { refersTo: ["Accounts"] }), "12x3")).toBe("This record is not in Accounts. Choose one of those.");
    expect(problem(field("reference", { refersTo: ["Accounts"] }), undefined)).toMatch(/Choose a CRM record/);
  });
});
