import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModuleDescription } from "./module-description";
import { describeResultSchema, listTypesSchema, loginResultSchema, recordLineItems, recordSchema, recordText } from "./schemas";

// Raw answers captured from a live vtiger 8.2.0 (copies of /work/shared/reference/vtiger82-samples).
const fixture = (name: string): unknown =>
  (JSON.parse(readFileSync(new URL(`../../sandbox/vtiger/fixtures/${name}.json`, import.meta.url), "utf8")) as { result?: unknown })
    .result ?? JSON.parse(readFileSync(new URL(`../../sandbox/vtiger/fixtures/${name}.json`, import.meta.url), "utf8"));

const describeOf = (module: string) => new ModuleDescription(describeResultSchema.parse(fixture(`describe_${module}`)));

describe("describe schema on vtiger 8.2 answers", () => {
  it.each(["Leads", "Accounts", "Contacts", "Potentials", "SalesOrder", "Invoice", "Products", "Currency", "LineItem", "Tax", "Groups"])(
    "parses %s",
    (module) => {
      expect(describeOf(module).name).toBe(module);
    },
  );

  it("exposes prefix, permissions, mandatory and unique fields", () => {
    const accounts = describeOf("Accounts");
    expect(accounts.idPrefix).toBe("11");
    expect(accounts.label).toBe("Organizations");
    expect(accounts.permissions).toEqual({ create: true, update: true, delete: true, retrieve: true });
    expect(accounts.mandatoryFields.map((f) => f.name)).toEqual(["accountname", "assigned_user_id"]);
    expect(accounts.uniqueFields.map((f) => f.name)).toEqual(["accountname"]);
    expect(accounts.ownsId("11x3")).toBe(true);
    expect(accounts.ownsId("10x3")).toBe(false);
    expect(accounts.ownsId("11xArray")).toBe(false);
  });

  it("lists picklist values and reference targets", () => {
    const so = describeOf("SalesOrder");
    expect(so.picklistValues("sostatus")).toEqual(["Created", "Approved", "Delivered", "Cancelled"]);
    expect(so.picklistValues("subject")).toBeUndefined();
    expect(so.picklistValues("nope")).toBeUndefined();
    expect(so.field("productid")?.type.refersTo).toEqual(["Products", "Services"]);
    expect(so.field("duedate")?.type.format).toBe("yyyy-mm-dd");
    expect(so.mandatoryFields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["subject", "sostatus", "account_id", "bill_street", "ship_street", "invoicestatus", "productid"]),
    );
    expect(describeOf("Leads").labelFields).toEqual(["firstname", "lastname"]);
    expect(describeOf("Currency").isEntity).toBe(false);
  });

  it("tolerates older shapes (no isunique, no labelFields) and unknown keys", () => {
    const minimal = describeResultSchema.parse({
      label: "Leads",
      name: "Leads",
      createable: true,
      updateable: "1",
      deleteable: false,
      retrieveable: true,
      idPrefix: 10,
      fields: [{ name: "lastname", label: "Last Name", mandatory: true, type: { name: "string" }, future: 1 }],
      somethingNew: { a: 1 },
    });
    const d = new ModuleDescription(minimal);
    expect(d.idPrefix).toBe("10");
    expect(d.permissions.update).toBe(true);
    expect(d.uniqueFields).toEqual([]);
    expect(d.labelFields).toEqual([]);
    expect(d.isEntity).toBe(true);
  });
});

describe("other schemas", () => {
  it("parses listtypes", () => {
    const types = listTypesSchema.parse(fixture("listtypes"));
    expect(types.types).toContain("SalesOrder");
    expect(types.information?.Accounts?.label).toBe("Organizations");
  });

  it("parses the short (5.1–7.2) and long (7.3+) login results", () => {
    const short = loginResultSchema.parse({ sessionName: "abc", userId: "19x1", version: "0.22", vtigerVersion: "5.4.0" });
    expect(short.is_admin).toBeUndefined();
    const long = loginResultSchema.parse({
      username: "admin",
      first_name: null,
      last_name: "Administrator",
      is_admin: "on",
      call_duration: 5,
      sessionName: "30c0cac26b0beeefa2059",
      userId: "19x1",
      version: "0.22",
      vtigerVersion: "8.2.0",
    });
    expect(long.is_admin).toBe("on");
    expect(long.first_name).toBeUndefined();
    expect(long.call_duration).toBe("5");
    expect(() => loginResultSchema.parse({ userId: "19x1", version: "0.22", vtigerVersion: "8.2.0" })).toThrow();
  });

  it("reads inventory records with numbers, null and line items", () => {
    const so = recordSchema.parse(fixture("so_created"));
    expect(so.id).toBe("6x16");
    expect(recordText(so, "hdnGrandTotal")).toBe("46.98");
    expect(recordText(so, "shipping_&_handling")).toBe("");
    expect(recordText(so, "missing")).toBe("");
    const lines = recordLineItems(so);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.productid).toBe("14x13");
    expect(recordLineItems(recordSchema.parse(fixture("lead_created")))).toEqual([]);
  });
});
