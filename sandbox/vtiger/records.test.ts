import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadSample } from "./fixtures.ts";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

let sandbox: VtigerSandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startVtigerSandbox();
  client = new TestClient(sandbox.url);
});
beforeEach(async () => {
  sandbox.control.reset();
  await client.login(sandbox.username, sandbox.accessKey);
});
afterAll(() => sandbox.close());

const owner = { assigned_user_id: "19x1" };

describe("create", () => {
  it("returns the full record in the shape of lead_created.json", async () => {
    const created = await client.create("Leads", {
      firstname: "Jörg",
      lastname: "Müller",
      company: "ACME GmbH",
      email: "jorg@example.com",
      leadsource: "Web Site",
      description: "quote ' and \" and \\ backslash",
      no_such_field: "ignored",
      ...owner,
    });
    const sample = loadSample("lead_created.json");
    expect(Object.keys(created.result ?? {})).toEqual(Object.keys(sample));
    const variable = ["id", "createdtime", "modifiedtime"];
    const strip = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(record).filter(([key]) => !variable.includes(key)));
    expect(strip(created.result ?? {})).toEqual(strip(sample));
    expect(created.result?.createdtime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("checks mandatory fields ('0' counts as a value)", async () => {
    expect((await client.create("Leads", { lastname: "", ...owner })).error).toEqual({
      code: "MANDATORY_FIELDS_MISSING",
      message: "lastname does not have a value",
    });
    expect((await client.create("Leads", { lastname: "X" })).error?.message).toBe(
      "assigned_user_id does not have a value",
    );
    expect((await client.create("Leads", { lastname: "0", ...owner })).success).toBe(true);
  });

  it("checks references by prefix only", async () => {
    const contact = (account_id: string) => client.create("Contacts", { lastname: "C", account_id, ...owner });
    expect((await contact("3")).error).toEqual({
      code: "REFERENCE_INVALID",
      message: "Invalid reference specified for account_id",
    });
    expect((await contact("10x1")).error?.code).toBe("REFERENCE_INVALID");
    const dangling = await contact("11x999");
    expect(dangling.success).toBe(true);
    expect(dangling.result?.account_id).toBe("");
  });

  it("rejects wrongly-cased or unknown modules", async () => {
    expect((await client.create("leads", { lastname: "X", ...owner })).error).toEqual({
      code: "ACCESS_DENIED",
      message: "Permission to perform the operation is denied",
    });
    expect((await client.describe("leads")).error?.message).toBe(
      "Permission to perform the operation is denied for name : leads",
    );
  });

  it("handles owners like vtiger", async () => {
    const bare = await client.create("Leads", { lastname: "X", assigned_user_id: "5" });
    expect(bare.result?.assigned_user_id).toBe("19x1");
    const group = await client.create("Leads", { lastname: "X", assigned_user_id: "20x2" });
    expect(group.result?.assigned_user_id).toBe("20x2");
    const missingUser = await client.raw("POST", {
      operation: "create",
      sessionName: client.sessionName,
      elementType: "Leads",
      element: JSON.stringify({ lastname: "X", assigned_user_id: "19x99" }),
    });
    expect(missingUser.headers.get("content-type")).toContain("text/html");
    expect(await missingUser.text()).toBe("Sorry! Attempt to access restricted file.");
  });
});

describe("duplicate prevention", () => {
  const duplicate = { success: false, error: { code: 0, message: "Duplicate(s) detected!" } };

  it("rejects an existing account name in any case, on create, update and revise", async () => {
    await client.create("Accounts", { accountname: "ACME GmbH", ...owner });
    const other = await client.create<{ id: string }>("Accounts", { accountname: "Other", ...owner });
    expect(await client.create("Accounts", { accountname: "acme gmbh", ...owner })).toEqual(duplicate);
    const id = other.result?.id ?? "";
    expect(await client.revise({ id, accountname: "ACME GMBH" })).toEqual(duplicate);
    expect(await client.update({ id, accountname: "Acme GmbH ", ...owner })).toEqual(duplicate);
    expect((await client.revise({ id, accountname: "Other", phone: "1" })).success).toBe(true);
  });
});

describe("retrieve, update, revise, delete", () => {
  it("distinguishes missing records from wrong prefixes", async () => {
    const lead = await client.create<{ id: string }>("Leads", { lastname: "X", ...owner });
    const crmid = lead.result?.id.split("x")[1];
    expect((await client.retrieve("10x999")).error).toEqual({
      code: "ACCESS_DENIED",
      message: "Permission to perform the operation is denied",
    });
    expect((await client.retrieve(`11x${crmid}`)).error).toEqual({
      code: "INVALID_ID_ATTRIBUTE",
      message: "Id specified is incorrect",
    });
    await client.delete(lead.result?.id ?? "");
    expect((await client.retrieve(lead.result?.id ?? "")).error?.code).toBe("ACCESS_DENIED");
  });

  it("update needs every mandatory field and merges the rest", async () => {
    const lead = await client.create<{ id: string }>("Leads", { lastname: "X", company: "Keep", email: "k@e.ep", ...owner });
    const id = lead.result?.id ?? "";
    expect((await client.update({ id, lastname: "Y" })).error?.message).toBe("assigned_user_id does not have a value");
    const updated = await client.update({ id, lastname: "Y", ...owner });
    expect(updated.result).toMatchObject({ lastname: "Y", company: "Keep", email: "k@e.ep" });
  });

  it("revise changes only what is sent; '' clears optional fields but not mandatory ones", async () => {
    const lead = await client.create<{ id: string }>("Leads", { lastname: "X", company: "Gone", phone: "1", ...owner });
    const id = lead.result?.id ?? "";
    expect((await client.revise({ id, lastname: "" })).error?.message).toBe("lastname does not have a value");
    const revised = await client.revise({ id, company: "" });
    expect(revised.result).toMatchObject({ lastname: "X", company: "", phone: "1" });
  });
});

describe("money, currencies and products", () => {
  it("rounds currency fields to the user's decimals", async () => {
    sandbox.control.setCurrencyDecimals("admin", 0);
    const product = await client.create("Products", { productname: "Mug", unit_price: "19.99", ...owner });
    expect(product.result?.unit_price).toBe("20.00000000");
    await client.revise({ id: "19x1", no_of_currency_decimals: "2" });
    const exact = await client.create("Potentials", {
      potentialname: "P",
      closingdate: "2026-12-31",
      sales_stage: "Prospecting",
      amount: "123.45",
      ...owner,
    });
    expect(exact.result?.amount).toBe("123.45000000");
    expect((await client.retrieve("19x1")).result).toMatchObject({ user_name: "admin", no_of_currency_decimals: "2" });
  });

  it("gives products their taxes and an active currency, and drops taxes not resent", async () => {
    const product = await client.create<{ id: string }>("Products", {
      productname: "Shirt",
      unit_price: "10",
      tax1: "19",
      ...owner,
    });
    expect(product.result).toMatchObject({ tax1: "19.000", currency1: "10.00000000", currency_id: "21x1" });
    const inactive = await client.create("Products", { productname: "X", currency_id: "21x2", ...owner });
    expect(inactive.error).toEqual({ code: "CURRENCY_INACTIVE", message: "Provided Curreny is Inactive" });
    const revised = await client.revise({ id: product.result?.id, qtyinstock: "5" });
    expect(revised.result).not.toHaveProperty("tax1");
  });

  it("lets only admins write currencies", async () => {
    const usd = { currency_name: "USA, Dollars", currency_code: "USD", currency_symbol: "$", conversion_rate: "1.1" };
    expect((await client.create("Currency", usd)).error?.message).toBe("defaultid does not have a value");
    const created = await client.create("Currency", { ...usd, currency_status: "Active", defaultid: "0", deleted: "0" });
    expect(created.result).toMatchObject({ id: "21x3", conversion_rate: "1.10000" });
    const sales = new TestClient(sandbox.url);
    await sales.login("sales", "salesAccessKey16");
    expect((await sales.create("Currency", { ...usd, defaultid: "0", deleted: "0" })).error).toEqual({
      code: "ACCESS_DENIED",
      message: "Permission to write is denied",
    });
    expect((await sales.revise({ id: "21x1", currency_status: "Inactive" })).error?.code).toBe("ACCESS_DENIED");
  });
});

describe("describe and listtypes", () => {
  it("follows the picklist and mandatory knobs", async () => {
    const leadSource = async () => {
      const fields = (await client.describe("Leads")).result?.fields ?? [];
      const field = fields.find((f) => f.name === "leadsource") as { type: { picklistValues: Array<{ value: string }> } };
      return field.type.picklistValues.map((v) => v.value);
    };
    expect(await leadSource()).not.toContain("Prestashop");
    sandbox.control.configure({ leadSourceHasPrestashop: true });
    expect(await leadSource()).toContain("Prestashop");
    sandbox.control.setPicklistValues("Leads", "leadsource", ["Only"]);
    expect(await leadSource()).toEqual(["Only"]);

    sandbox.control.setMandatory("Leads", "company", true);
    const company = (await client.describe("Leads")).result?.fields.find((f) => f.name === "company");
    expect(company?.mandatory).toBe(true);
    expect((await client.create("Leads", { lastname: "X", ...owner })).error?.message).toBe(
      "company does not have a value",
    );
  });

  it("lists the fixture's types and filters by field type", async () => {
    const all = await client.call<{ types: string[] }>("GET", { operation: "listtypes" });
    expect(all.result?.types.length).toBe(35);
    const email = await client.call<{ types: string[] }>("GET", { operation: "listtypes", fieldTypeList: '["email"]' });
    expect(email.result?.types).toEqual(["Leads", "Accounts", "Contacts"]);
  });
});
