/**
 * R3 against both sandboxes: an order brings its customer (Contact, Account), its products, a
 * Potential, the SalesOrder and, once invoiced, the Invoice into the CRM — each exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pickLanguage, type Order } from "@/lib/prestashop/schemas";
import { VtigerClient } from "@/lib/vtiger/client";
import { recordLineItems, recordText } from "@/lib/vtiger/schemas";
import { PermanentSyncError } from "../errors";
import { roundHalfUp } from "../mapping/format";
import { applyShopEvent } from "./apply-event";
import { HARNESS_START_TIMEOUT_MS, startRulesHarness, type RulesHarness } from "./test-harness";

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness("rule-order-created");
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(() => h.reset());

/** The order's invoice address as the CRM should show it. */
async function invoicePlaceOf(order: Order) {
  const address = await h.shopClient.getAddress(order.id_address_invoice);
  const country = pickLanguage((await h.shopClient.getCountry(address.id_country)).name, order.id_lang);
  return { address, country };
}

/** The one live record of a module (fails when there are several). */
function only(module: string) {
  const records = h.live(module);
  expect(records, module).toHaveLength(1);
  const [record] = records;
  if (!record) throw new Error(`no ${module}`);
  return record;
}

/** vtiger's grand total as it shows it: to the cent. */
async function shownGrandTotal(id: string): Promise<number> {
  return roundHalfUp(Number(recordText(await h.crm.retrieve(id), "hdnGrandTotal")), 2);
}

describe("R3 order placed by a new customer", () => {
  it("creates Account, Contact, Products, Potential, SalesOrder and Invoice, field by field", async () => {
    const { event, order, customerId } = await h.placeOrder({ customer: { firstname: "Jeanne", lastname: "Martin", company: "Atelier Nova" } });
    expect(order.total_shipping_tax_incl).toBeGreaterThan(0);
    const { address, country } = await invoicePlaceOf(order);
    const customer = await h.shopClient.getCustomer(customerId);
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const account = only("Accounts");
    expect(account.fields).toMatchObject({
      accountname: "Atelier Nova",
      email1: customer.email,
      phone: address.phone,
      bill_street: address.address1,
      bill_city: address.city,
      bill_code: address.postcode,
      bill_country: country,
      ship_street: address.address1,
      ship_country: country,
      assigned_user_id: "19x1",
    });
    const contact = only("Contacts");
    expect(contact.fields).toMatchObject({
      firstname: "Jeanne",
      lastname: "Martin",
      email: customer.email,
      account_id: account.wsId,
      leadsource: "Prestashop",
      phone: address.phone,
      mobile: address.phone_mobile,
      mailingstreet: address.address1,
      mailingzip: address.postcode,
      mailingcity: address.city,
      mailingcountry: country,
    });

    const rows = order.associations.order_rows;
    const products = h.live("Products");
    expect(products.map((p) => p.fields.productname)).toEqual(rows.map((r) => r.product_name));
    for (const [index, row] of rows.entries()) {
      expect(products[index]?.fields).toMatchObject({ productcode: row.product_reference, unit_price: `${roundHalfUp(row.product_price, 2).toFixed(2)}000000`, discontinued: "1" });
      expect(await h.links.get("product", row.product_id, "Products")).toBe(products[index]?.wsId);
    }

    const potential = only("Potentials");
    expect(potential.fields).toMatchObject({
      potentialname: `Shop order no${order.id}`,
      related_to: account.wsId,
      contact_id: contact.wsId,
      amount: `${order.total_paid_tax_incl.toFixed(2)}000000`,
      closingdate: order.date_add?.slice(0, 10),
      leadsource: "Prestashop",
      sales_stage: "Prospecting",
    });

    const salesOrder = only("SalesOrder");
    expect(salesOrder.fields).toMatchObject({
      subject: `Sales order no${order.id}`,
      customerno: order.reference,
      account_id: account.wsId,
      contact_id: contact.wsId,
      potential_id: potential.wsId,
      currency_id: "21x1",
      conversion_rate: "1.000",
      sostatus: "Approved",
      bill_street: address.address1,
      bill_city: address.city,
      bill_code: address.postcode,
      bill_country: country,
      ship_street: address.address1,
      ship_country: country,
      hdnTaxType: "group",
      hdnS_H_Amount: `${order.total_shipping_tax_incl.toFixed(2)}000000`,
      assigned_user_id: "19x1",
    });
    const lines = recordLineItems(await h.crm.retrieve(salesOrder.wsId));
    expect(lines).toHaveLength(rows.length);
    for (const [index, row] of rows.entries()) {
      expect(lines[index]).toMatchObject({
        productid: products[index]?.wsId,
        quantity: `${row.product_quantity}.000`,
        listprice: (row.unit_price_tax_excl ?? 0).toFixed(8),
        comment: row.product_name,
        tax1: "20.000",
      });
    }
    expect(await shownGrandTotal(salesOrder.wsId)).toBe(order.total_paid_tax_incl);

    const invoice = only("Invoice");
    expect(invoice.fields).toMatchObject({
      subject: `Sales order no${order.id}`,
      customerno: order.reference,
      salesorder_id: salesOrder.wsId,
      account_id: account.wsId,
      contact_id: contact.wsId,
      invoicedate: order.invoice_date?.slice(0, 10),
      invoicestatus: "Paid",
      currency_id: "21x1",
      hdnS_H_Amount: salesOrder.fields.hdnS_H_Amount,
      txtAdjustment: salesOrder.fields.txtAdjustment,
    });
    expect(recordLineItems(await h.crm.retrieve(invoice.wsId))).toHaveLength(rows.length);
    expect(await shownGrandTotal(invoice.wsId)).toBe(order.total_paid_tax_incl);

    for (const [module, record] of [["SalesOrder", salesOrder], ["Invoice", invoice], ["Potentials", potential]] as const) {
      expect(await h.links.get("order", order.id, module)).toBe(record.wsId);
    }
    expect(await h.links.get("customer", customerId, "Contacts")).toBe(contact.wsId);
    expect(await h.links.get("customer", customerId, "Accounts")).toBe(account.wsId);
    expect(ctx.entries.warnings).toEqual([]);
  });

  it("names the Account after the person without a company, and gives a namesake's the customer id", async () => {
    const namesake = await h.crm.create("Accounts", { accountname: "Dupont Jean", email1: "someone.else@example.com", assigned_user_id: "19x1" });
    const { event, customerId } = await h.placeOrder({ customer: { firstname: "Jean", lastname: "Dupont" } });
    await applyShopEvent(h.context(), event);

    const accounts = h.live("Accounts");
    expect(accounts.map((a) => a.fields.accountname)).toEqual(["Dupont Jean", `Dupont Jean (#${customerId})`]);
    expect(only("Contacts").fields.account_id).toBe(accounts[1]?.wsId);
    expect(only("SalesOrder").fields.account_id).not.toBe(namesake.id);
  });

  it("reuses the Account of a person whose e-mail matches", async () => {
    const { event, order } = await h.placeOrder({ customer: { firstname: "Anna", lastname: "Roux" } });
    const customer = await h.shopClient.getCustomer(order.id_customer);
    const existing = await h.crm.create("Accounts", { accountname: "roux anna", email1: customer.email.toUpperCase(), assigned_user_id: "19x1" });
    await applyShopEvent(h.context(), event);

    expect(only("Accounts").wsId).toBe(existing.id);
    expect(only("SalesOrder").fields.account_id).toBe(existing.id);
  });

  it("shares a company's existing Account between colleagues", async () => {
    const company = await h.crm.create("Accounts", { accountname: "Groupe Horizon SA", email1: "contact@horizon.example", assigned_user_id: "19x1" });
    const { event } = await h.placeOrder({ customer: { company: "Groupe Horizon SA" } });
    await applyShopEvent(h.context(), event);

    expect(only("Accounts").wsId).toBe(company.id);
    expect(only("Contacts").fields.account_id).toBe(company.id);
  });

  it("takes an Account created in the CRM between its look-up and its create (duplicate prevention)", async () => {
    const { event } = await h.placeOrder({ customer: { company: "Comptoir Cèdre" } });
    let raced = false;
    // A colleague creates the Account in the CRM just before the connector's own create arrives.
    const racing: typeof fetch = async (input, init) => {
      const form = init?.body instanceof URLSearchParams ? init.body : null;
      if (!raced && form?.get("operation") === "create" && form.get("elementType") === "Accounts") {
        raced = true;
        await h.crm.create("Accounts", { accountname: "COMPTOIR CÈDRE", assigned_user_id: "19x1" });
      }
      return fetch(input, init);
    };
    const crm = new VtigerClient({ url: h.vtiger.url, username: h.vtiger.username, accessKey: h.vtiger.accessKey, fetch: racing });
    try {
      await applyShopEvent({ ...h.context(), crm }, event);
    } finally {
      await crm.close();
    }

    expect(raced).toBe(true);
    const account = only("Accounts");
    expect(account.fields.accountname).toBe("COMPTOIR CÈDRE");
    expect(only("Contacts").fields.account_id).toBe(account.wsId);
  });
});

describe("R3 switches and registered customers", () => {
  it("creates neither Account nor Potential with both switches off; the SalesOrder takes the default Organization", async () => {
    const fallback = await h.crm.create("Accounts", { accountname: "Web shop customers", assigned_user_id: "19x1" });
    const { event } = await h.placeOrder({ customer: { company: "Agence Argos" } });
    await applyShopEvent(h.context({ createAccount: false, createPotential: false, defaults: { SalesOrder: { account_id: fallback.id }, Invoice: { account_id: fallback.id } } }), event);

    expect(h.live("Accounts")).toHaveLength(1);
    expect(h.live("Potentials")).toHaveLength(0);
    expect(only("Contacts").fields.account_id).toBe("");
    expect(only("SalesOrder").fields).toMatchObject({ account_id: fallback.id, potential_id: "", contact_id: only("Contacts").wsId });
    expect(only("Invoice").fields.account_id).toBe(fallback.id);
  });

  it("fails for good when the SalesOrder's Organization has no default and no Account is created", async () => {
    const { event } = await h.placeOrder();
    const attempt = applyShopEvent(h.context({ createAccount: false, createPotential: false }), event);

    await expect(attempt).rejects.toBeInstanceOf(PermanentSyncError);
    await expect(attempt).rejects.toThrow('SalesOrder: the mandatory field "Organization Name" (account_id) has no valid default value');
    expect(h.live("SalesOrder")).toHaveLength(0);
  });

  it("creates a Contact for a customer registered as a Lead, and leaves the Lead as it is", async () => {
    const { event, order } = await h.placeOrder();
    const customer = await h.shopClient.getCustomer(order.id_customer);
    const lead = await h.crm.create("Leads", { lastname: "Lead only", email: customer.email, assigned_user_id: "19x1" });
    await applyShopEvent(h.context(), event);

    expect(only("Leads").fields).toMatchObject({ lastname: "Lead only", email: customer.email });
    expect(only("Leads").wsId).toBe(lead.id);
    expect(only("Contacts").fields).toMatchObject({ lastname: customer.lastname, email: customer.email });
  });

  it("uses the Contact of a registered customer and links it to the Account", async () => {
    const { event, order } = await h.placeOrder({ customer: { company: "Bureau Nova" } });
    const customer = await h.shopClient.getCustomer(order.id_customer);
    const contact = await h.crm.create("Contacts", { firstname: "Kept", lastname: "As is", email: customer.email, assigned_user_id: "19x1" });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const account = only("Accounts");
    expect(only("Contacts").fields).toMatchObject({ firstname: "Kept", lastname: "As is", account_id: account.wsId });
    expect(only("SalesOrder").fields).toMatchObject({ contact_id: contact.id, account_id: account.wsId });
    expect(ctx.entries.touched).toContainEqual({ module: "Contacts", crmId: contact.id, action: "updated" });
  });

  it("uses the Account of a customer registered as an Account, without creating a Contact", async () => {
    const { event, order } = await h.placeOrder({ customer: { company: "Cabinet Orion" } });
    const customer = await h.shopClient.getCustomer(order.id_customer);
    const account = await h.crm.create("Accounts", { accountname: "Orion Consulting", email1: customer.email, assigned_user_id: "19x1" });
    await applyShopEvent(h.context(), event);

    expect(only("Accounts").wsId).toBe(account.id);
    expect(h.live("Contacts")).toHaveLength(0);
    expect(only("SalesOrder").fields).toMatchObject({ account_id: account.id, contact_id: "" });
    expect(only("Potentials").fields).toMatchObject({ related_to: account.id, contact_id: "" });
  });

  it("links a Product that already has the ordered product's code, and codes products without reference by id", async () => {
    const { result } = await h.act("create-product", { name: "Wild cat tote bag", reference: "", price: 10 });
    const productId = Number(result.productId);
    const existing = await h.crm.create("Products", { productname: "From the CRM", productcode: `#presta_${productId}`, assigned_user_id: "19x1" });
    const { event } = await h.placeOrder({ order: { lines: [{ productId, quantity: 3 }] } });
    await applyShopEvent(h.context(), event);

    expect(only("Products").wsId).toBe(existing.id);
    expect(await h.links.get("product", productId, "Products")).toBe(existing.id);
    expect(recordLineItems(await h.crm.retrieve(only("SalesOrder").wsId))[0]).toMatchObject({ productid: existing.id, quantity: "3.000" });
  });
});

describe("R3 order states, currencies and CRM versions", () => {
  it("creates no Invoice for an order the shop has not invoiced", async () => {
    const { event, order } = await h.placeOrder({ order: { payment: "check" } });
    expect(order.invoice_number).toBe(0);
    await applyShopEvent(h.context(), event);

    expect(only("SalesOrder").fields).toMatchObject({ sostatus: "Created", invoicestatus: "Created" });
    expect(h.live("Invoice")).toHaveLength(0);
  });

  it("warns about an unmapped state and gives the new records the default statuses", async () => {
    const { event, order } = await h.placeOrder();
    const ctx = h.context({ stateMappings: new Map() });
    await applyShopEvent(ctx, event);

    expect(ctx.entries.warnings).toEqual([
      `Order state ${order.current_state} of order ${order.id} has no status mapping: existing CRM records keep their status, new ones get the default. Map it on the Configuration tab.`,
    ]);
    expect(only("SalesOrder").fields).toMatchObject({ sostatus: "Created", invoicestatus: "AutoCreated" });
    expect(only("Invoice").fields.invoicestatus).toBe("");
  });

  it("fails for good, creating nothing, when the order's currency is not linked", async () => {
    const { event } = await h.placeOrder({ order: { currencyId: 2 } });
    const attempt = applyShopEvent(h.context(), event);

    await expect(attempt).rejects.toBeInstanceOf(PermanentSyncError);
    await expect(attempt).rejects.toMatchObject({ fix: "Link USD on the Configuration tab, then replay the event." });
    expect(h.vtiger.control.state().counts).toMatchObject({ Contacts: 0, Accounts: 0, Products: 0, SalesOrder: 0 });
  });

  it("writes the order's currency and conversion rate when it is linked", async () => {
    const { event, order } = await h.placeOrder({ order: { currencyId: 2 } });
    await applyShopEvent(h.context({ currencyLinks: new Map([[2, "21x2"]]) }), event);

    expect(only("SalesOrder").fields).toMatchObject({ currency_id: "21x2", conversion_rate: "1.080" });
    expect(await shownGrandTotal(only("SalesOrder").wsId)).toBe(order.total_paid_tax_incl);
  });

  it("refuses orders for vtiger 5.x, which has no order lines over its webservice", async () => {
    const { event } = await h.placeOrder();
    const ctx = h.context();
    const attempt = applyShopEvent({ ...ctx, settings: { ...ctx.settings, snapshot: { ...ctx.settings.snapshot, vtigerVersion: "5.4.0" } } }, event);

    await expect(attempt).rejects.toBeInstanceOf(PermanentSyncError);
    await expect(attempt).rejects.toThrow("Orders are unsupported on vtiger 5.4.0");
    expect(h.vtiger.control.stats().calls.create).toBeUndefined();
  });

  it("dates a mandatory date field left to the order's date by default (R10)", async () => {
    h.vtiger.control.setMandatory("SalesOrder", "duedate", true);
    await h.reprobe();
    const { event, order } = await h.placeOrder();
    await applyShopEvent(h.context(), event);

    expect(only("SalesOrder").fields.duedate).toBe(order.date_add?.slice(0, 10));
  });
});

describe("R3 repeated and retried", () => {
  it("changes nothing when the same order.created comes again", async () => {
    const { event } = await h.placeOrder({ customer: { company: "Studio Boréal" } });
    await applyShopEvent(h.context(), event);
    const before = h.vtiger.control.state().counts;
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, { ...event });

    const calls = h.vtiger.control.stats().calls;
    expect([calls.create, calls.revise, calls.update]).toEqual([undefined, undefined, undefined]);
    expect(h.vtiger.control.state().counts).toEqual(before);
    expect(new Set(ctx.entries.touched.map((t) => t.action))).toEqual(new Set(["found", "unchanged"]));
  });

  it("completes after lost answers without creating anything twice", async () => {
    const { event, order } = await h.placeOrder({ customer: { company: "Maison Lumière" } });
    h.vtiger.control.configure({ failAfterWrite: 1 });
    let failures = 0;
    // Every write is stored but its answer lost, so each attempt gets one record further.
    for (;;) {
      try {
        await applyShopEvent(h.context(), event);
        break;
      } catch (err) {
        expect(String(err)).toMatch(/HTTP 500/);
        failures += 1;
        if (failures > 10) throw err;
      }
    }

    expect(failures).toBe(7); // Account, Contact, 2 Products, Potential, SalesOrder, Invoice
    expect(h.vtiger.control.state().counts).toMatchObject({ Accounts: 1, Contacts: 1, Products: 2, Potentials: 1, SalesOrder: 1, Invoice: 1 });
    expect(only("Contacts").fields.account_id).toBe(only("Accounts").wsId);
    expect(only("Invoice").fields.salesorder_id).toBe(only("SalesOrder").wsId);
    h.vtiger.control.configure({ failAfterWrite: 0 });
    expect(await shownGrandTotal(only("Invoice").wsId)).toBe(order.total_paid_tax_incl);
  });
});
