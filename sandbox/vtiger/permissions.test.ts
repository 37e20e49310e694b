import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SALES_ACCESS_KEY, startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

let sandbox: VtigerSandbox;
let admin: TestClient;
let sales: TestClient;

beforeAll(async () => {
  sandbox = await startVtigerSandbox();
  admin = new TestClient(sandbox.url);
  sales = new TestClient(sandbox.url);
});
beforeEach(async () => {
  sandbox.control.reset();
  await admin.login(sandbox.username, sandbox.accessKey);
  await sales.login("sales", DEFAULT_SALES_ACCESS_KEY);
});
afterAll(() => sandbox.close());

const denied = (message = "Permission to perform the operation is denied") => ({ code: "ACCESS_DENIED", message });

describe("module permissions per user", () => {
  it("hides a module without retrieve permission everywhere", async () => {
    sandbox.control.setModulePermission("sales", "Leads", { retrieve: false });
    const types = await sales.call<{ types: string[] }>("GET", { operation: "listtypes" });
    expect(types.result?.types).not.toContain("Leads");
    expect((await sales.describe("Leads")).error).toEqual(denied());
    expect((await sales.query("SELECT * FROM Leads;")).error).toEqual(denied());
    expect((await sales.create("Leads", { lastname: "X", assigned_user_id: "19x5" })).error).toEqual(denied());
    const lead = await admin.create<{ id: string }>("Leads", { lastname: "X", assigned_user_id: "19x1" });
    expect((await sales.retrieve(lead.result?.id ?? "")).error).toEqual(denied());
    expect((await admin.call<{ types: string[] }>("GET", { operation: "listtypes" })).result?.types).toContain("Leads");
  });

  it("reflects create/update/delete permissions in describe and in writes", async () => {
    sandbox.control.setModulePermission("sales", "Accounts", { create: false, update: false, delete: false });
    expect((await sales.describe("Accounts")).result).toMatchObject({
      createable: false,
      updateable: false,
      deleteable: false,
      retrieveable: true,
    });
    expect((await sales.create("Accounts", { accountname: "X", assigned_user_id: "19x5" })).error).toEqual(
      denied("Permission to write is denied"),
    );
    const account = await admin.create<{ id: string }>("Accounts", { accountname: "A", assigned_user_id: "19x1" });
    const id = account.result?.id ?? "";
    expect((await sales.revise({ id, phone: "1" })).error).toEqual(denied("Permission to read given object is denied"));
    expect((await sales.delete(id)).error).toEqual(denied("Permission to read given object is denied"));
    expect((await sales.retrieve(id)).success).toBe(true);
  });

  it("filters refersTo and rejects references to hidden modules", async () => {
    sandbox.control.setModulePermission("sales", "Accounts", { retrieve: false });
    const fields = (await sales.describe("Contacts")).result?.fields ?? [];
    expect(fields.find((f) => f.name === "account_id")).toMatchObject({ type: { refersTo: [] } });
    const contact = await sales.create("Contacts", { lastname: "C", account_id: "11x1", assigned_user_id: "19x5" });
    expect(contact.error).toEqual(denied("Permission to access reference type is deniedAccounts"));
  });

  it("lets non-admins assign to active users and groups only", async () => {
    const toGroup = await sales.create("Leads", { lastname: "X", assigned_user_id: "20x2" });
    expect(toGroup.result).toMatchObject({ assigned_user_id: "20x2", modifiedby: "19x5" });
    for (const owner of ["1", "19x99", "20x99"]) {
      expect((await sales.create("Leads", { lastname: "X", assigned_user_id: owner })).error).toEqual(
        denied("Cannot assign record to the given user"),
      );
    }
  });

  it("lets users revise only their own user record", async () => {
    expect((await sales.revise({ id: "19x5", no_of_currency_decimals: "3" })).result).toMatchObject({
      no_of_currency_decimals: "3",
    });
    expect((await sales.revise({ id: "19x1", no_of_currency_decimals: "3" })).error).toEqual(
      denied("Permission to read given object is denied"),
    );
    expect((await sales.revise({ id: "19x5", is_admin: "on" })).result).toMatchObject({ is_admin: "off" });
  });
});
