/** R5 and R6 against both sandboxes: what the exports create in the CRM, field by field, and what they skip. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HARNESS_START_TIMEOUT_MS } from "@/lib/sync/rules/test-harness";
import { startExportHarness, type ExportHarness } from "./test-harness";

let h: ExportHarness;
let run: typeof import("./run");
let commands: typeof import("./commands");
let prisma: typeof import("@/lib/db/prisma").prisma;

beforeAll(async () => {
  h = await startExportHarness("export-rules", { customers: 12, products: 15 });
  run = await import("./run");
  commands = await import("./commands");
  prisma = (await import("@/lib/db/prisma")).prisma;
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(() => h.reset());

const shopRows = (table: string) => h.shop.control.shop.table(table).all();
const shopCustomer = (id: number) => shopRows("customers").find((c) => c.id === id)!;
const firstAddress = (customerId: number) => shopRows("addresses").find((a) => a.id_customer === customerId)!;
const byEmail = (module: string, email: string) => h.live(module).filter((r) => r.fields.email === email || r.fields.email1 === email);

async function exportAll(kind: "products" | "customers") {
  const runId = await h.newRun(kind);
  expect(await run.runExport(runId, { concurrency: 4 })).toBe("completed");
  return prisma.exportRun.findUniqueOrThrow({ where: { id: runId } });
}

describe("R5 export products", () => {
  it("creates one Product per shop product with its base data, coded by reference or #presta_<id>", async () => {
    const done = await exportAll("products");
    const products = shopRows("products");
    expect(done).toMatchObject({ total: products.length, processed: products.length, created: products.length, skipped: 0, failed: 0 });
    expect(h.live("Products")).toHaveLength(products.length);

    const withReference = products.find((p) => p.reference === "NTB-00002")!;
    expect(h.live("Products").find((r) => r.fields.productcode === "NTB-00002")?.fields).toMatchObject({
      productname: (withReference.name as Record<string, string>)["1"],
      unit_price: `${Number(withReference.price).toFixed(2)}000000`,
      discontinued: withReference.active ? "1" : "0",
      assigned_user_id: "19x1",
    });
    const withoutReference = products.find((p) => p.reference === "")!;
    expect(h.live("Products").filter((r) => r.fields.productcode === `#presta_${withoutReference.id}`)).toHaveLength(1);
  });

  it("skips a product whose code the CRM has already, leaving that Product as it is", async () => {
    const { VtigerClient } = await import("@/lib/vtiger/client");
    const crm = new VtigerClient({ url: h.vtiger.url, username: h.vtiger.username, accessKey: h.vtiger.accessKey });
    const existing = await crm.create("Products", { productname: "Mug (CRM)", productcode: "mug-00007", assigned_user_id: "19x1" });
    await crm.close();

    const done = await exportAll("products");
    expect(done).toMatchObject({ skipped: 1, created: shopRows("products").length - 1 });
    const mugs = h.live("Products").filter((r) => r.fields.productcode?.toLowerCase() === "mug-00007");
    expect(mugs.map((r) => [r.wsId, r.fields.productname])).toEqual([[existing.id, "Mug (CRM)"]]);
  });

  it("skips everything on a second run", async () => {
    await exportAll("products");
    const again = await exportAll("products");
    expect(again).toMatchObject({ created: 0, skipped: shopRows("products").length });
    expect(h.live("Products")).toHaveLength(shopRows("products").length);
  });
});

describe("R6 export customers", () => {
  it("makes a customer without orders a Lead, with the details of their first address", async () => {
    await exportAll("customers");
    const customer = shopCustomer(9); // no orders, a company, an address
    const address = firstAddress(9);
    const [lead] = byEmail("Leads", String(customer.email));
    expect(lead?.fields).toMatchObject({
      firstname: customer.firstname,
      lastname: customer.lastname,
      email: customer.email,
      company: "Studio Vertige SARL",
      leadsource: "Prestashop",
      city: address.city,
      code: address.postcode,
      assigned_user_id: "19x1",
    });
    expect(byEmail("Contacts", String(customer.email))).toHaveLength(0);
    expect(byEmail("Accounts", String(customer.email))).toHaveLength(0);
  });

  it("makes a buyer with a company a Contact in an Account named after it", async () => {
    await exportAll("customers");
    const customer = shopCustomer(6);
    const [contact] = byEmail("Contacts", String(customer.email));
    const [account] = h.live("Accounts").filter((r) => r.fields.accountname === "Agence Argos SA");
    expect(account?.fields).toMatchObject({ accountname: "Agence Argos SA", email1: customer.email, bill_city: firstAddress(6).city, assigned_user_id: "19x1" });
    expect(contact?.fields).toMatchObject({
      firstname: customer.firstname,
      lastname: customer.lastname,
      email: customer.email,
      account_id: account?.wsId,
      leadsource: "Prestashop",
      mailingcity: firstAddress(6).city,
    });
    expect(byEmail("Leads", String(customer.email))).toHaveLength(0);
  });

  it("makes a buyer without a company a Contact without Account", async () => {
    await exportAll("customers");
    const customer = shopCustomer(2);
    const [contact] = byEmail("Contacts", String(customer.email));
    expect(contact?.fields).toMatchObject({ firstname: customer.firstname, lastname: customer.lastname, email: customer.email });
    expect(contact?.fields.account_id ?? "").toBe("");
    expect(byEmail("Accounts", String(customer.email))).toHaveLength(0);
  });

  it("creates one record per customer and Accounts only for buyers with a company", async () => {
    const done = await exportAll("customers");
    const customers = shopRows("customers");
    const buyers = new Set(shopRows("orders").map((o) => o.id_customer));
    expect(done).toMatchObject({ total: customers.length, processed: customers.length, created: customers.length, skipped: 0, failed: 0 });
    expect(h.live("Leads")).toHaveLength(customers.filter((c) => !buyers.has(c.id)).length);
    expect(h.live("Contacts")).toHaveLength(customers.filter((c) => buyers.has(c.id)).length);
    expect(h.live("Accounts").map((a) => a.fields.accountname).sort()).toEqual(["Agence Argos SA", "Agence Nova SARL"]);
  });

  it("skips a customer whose e-mail the CRM has, without updating that record", async () => {
    const { VtigerClient } = await import("@/lib/vtiger/client");
    const crm = new VtigerClient({ url: h.vtiger.url, username: h.vtiger.username, accessKey: h.vtiger.accessKey });
    await crm.create("Leads", { lastname: "Keep me", email: String(shopCustomer(6).email).toUpperCase(), assigned_user_id: "19x1" });
    await crm.create("Accounts", { accountname: "Someone else's", email1: shopCustomer(2).email, assigned_user_id: "19x1" });
    await crm.create("Contacts", { lastname: "Already a contact", email: shopCustomer(9).email, assigned_user_id: "19x1" });
    await crm.close();

    const done = await exportAll("customers");
    expect(done).toMatchObject({ skipped: 3, created: shopRows("customers").length - 3 });
    expect(byEmail("Leads", String(shopCustomer(9).email))).toHaveLength(0);
    expect(byEmail("Contacts", String(shopCustomer(9).email)).map((r) => r.fields.lastname)).toEqual(["Already a contact"]);
    expect(h.live("Leads").filter((r) => r.fields.lastname === "Keep me")).toHaveLength(1);
    expect(byEmail("Contacts", String(shopCustomer(6).email))).toHaveLength(0);
    expect(byEmail("Contacts", String(shopCustomer(2).email))).toHaveLength(0);
    expect(h.live("Accounts").find((a) => a.fields.email1 === shopCustomer(2).email)?.fields.accountname).toBe("Someone else's");
  });

  it("locks the customer export once it has completed, until an admin unlocks it", async () => {
    await exportAll("customers");
    const connection = await prisma.connection.findUniqueOrThrow({ where: { id: h.connectionId } });
    expect(connection.customerExportLockedAt).toBeInstanceOf(Date);
    await expect(commands.startExport("customers")).rejects.toThrow("export.errors.locked");

    await commands.unlockCustomerExport();
    const runId = await commands.startExport("customers");
    await expect(commands.startExport("customers")).rejects.toThrow("export.errors.alreadyRunning");
    await expect.poll(async () => (await prisma.exportRun.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 20_000 }).toBe("completed");
    expect(await prisma.exportRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ created: 0, skipped: shopRows("customers").length });
  });
});
