import { describe, expect, it } from "vitest";
import { resolveMessage } from "@/lib/i18n/encoded";
import { prefixExample, prefixSchema } from "./prefix";

const problem = (value: string) => {
  const r = prefixSchema.safeParse(value);
  return r.success ? null : resolveMessage(r.error.issues[0]!.message, "en");
};

describe("prefixSchema", () => {
  it("accepts the defaults and every allowed character", () => {
    for (const ok of ["Sales order no", "Bon de commande no", "SO#", "[PS]_order-", "A1 b2"]) expect(problem(ok), ok).toBeNull();
  });
  it("names the offending characters", () => {
    expect(problem("Commande é")).toBe('Not allowed: "é". Use letters without accents, digits, spaces (not first), # [ ] _ -.');
    expect(problem("a/b:c")).toContain('"/" ":"');
  });
  it("refuses a leading space, an empty or an overlong prefix", () => {
    expect(problem(" SO")).toMatch(/cannot start with a space/);
    expect(problem("")).toMatch(/cannot be empty/);
    expect(problem("x".repeat(41))).toMatch(/too long/);
  });
  it("speaks French when asked", () => {
    const r = prefixSchema.safeParse("é");
    expect(resolveMessage(r.error!.issues[0]!.message, "fr")).toMatch(/^Interdit : "é"/);
  });
  it("shows the live example", () => {
    expect(prefixExample("Sales order no")).toBe("Sales order no1");
  });
});
