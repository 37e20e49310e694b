/**
 * R1 and R2 against both sandboxes: a sign-up creates a Lead or refreshes the customer's existing
 * record; a log-in creates a Lead for an unknown customer, and nothing else.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pickLanguage } from "@/lib/prestashop/schemas";
import { PermanentSyncError } from "../errors";
import { applyShopEvent } from "./apply-event";
import { HARNESS_START_TIMEOUT_MS, startRulesHarness, type RulesHarness } from "./test-harness";

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness("rule-customer-events");
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(() => h.reset());

let signUps = 0;
/** A sign-up with a fresh e-mail, as the shop reports it. */
function signUp(params: Record<string, unknown> = {}) {
  signUps += 1;
  return h.act("sign-up", { firstname: "Jeanne", lastname: "Martin", email: `jeanne.martin.${signUps}@example.com`, company: "", ...params });
}

describe("R1 customer signs up", () => {
  it("creates a Lead for an unknown e-mail, without address fields when the customer has no address", async () => {
    const { event, result } = await signUp({ company: "Atelier Nova" });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const leads = h.live("Leads");
    expect(leads).toHaveLength(1);
    expect(leads[0]?.fields).toMatchObject({
      firstname: "Jeanne",
      lastname: "Martin",
      email: result.email,
      company: "Atelier Nova",
      leadsource: "Prestashop",
      assigned_user_id: "19x1",
      phone: "",
      mobile: "",
      lane: "",
      code: "",
      city: "",
      country: "",
    });
    expect(await h.links.get("customer", Number(result.customerId), "Leads")).toBe(leads[0]?.wsId);
    expect(ctx.entries.touched).toEqual([{ module: "Leads", crmId: leads[0]?.wsId, action: "created" }]);
  });

  it("fills the Lead's phones and address from the customer's first address", async () => {
    const shop = h.shop.control.shop;
    const address = shop.table("addresses").all().find((a) => a.deleted !== 1 && a.phone && a.phone_mobile);
    if (!address) throw new Error("the generated shop has no address with phones");
    const customer = await h.shopClient.getCustomer(Number(address.id_customer));
    const first = await h.shopClient.firstAddressOf(customer.id);
    const country = await h.shopClient.getCountry(Number(first?.id_country));

    await applyShopEvent(h.context(), { type: "customer.created", data: { customerId: customer.id } });

    expect(h.live("Leads")[0]?.fields).toMatchObject({
      firstname: customer.firstname,
      lastname: customer.lastname,
      email: customer.email,
      company: customer.company || (first?.company ?? ""),
      phone: first?.phone,
      mobile: first?.phone_mobile,
      lane: first?.address1,
      code: first?.postcode,
      city: first?.city,
      country: pickLanguage(country.name, customer.id_lang),
    });
  });

  it("refreshes a Lead with that e-mail (any case): names and company, no second record", async () => {
    const { event, result } = await signUp({ company: "Maison Azur" });
    const lead = await h.crm.create("Leads", { firstname: "J.", lastname: "Old", email: String(result.email).toUpperCase(), company: "Old & Co", assigned_user_id: "19x1" });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.live("Leads")).toHaveLength(1);
    expect(h.live("Leads")[0]?.fields).toMatchObject({ firstname: "Jeanne", lastname: "Martin", company: "Maison Azur", email: String(result.email).toUpperCase() });
    expect(ctx.entries.touched).toEqual([{ module: "Leads", crmId: lead.id, action: "updated" }]);
  });

  it("refreshes the Contact when the e-mail is a Contact's, and leaves a Lead with it alone", async () => {
    const { event, result } = await signUp();
    const lead = await h.crm.create("Leads", { lastname: "Lead", email: result.email, assigned_user_id: "19x1" });
    const contact = await h.crm.create("Contacts", { firstname: "J.", lastname: "Old", email: result.email, assigned_user_id: "19x1" });
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.live("Contacts")[0]?.fields).toMatchObject({ firstname: "Jeanne", lastname: "Martin", email: result.email });
    expect(h.live("Leads")).toHaveLength(1);
    expect(h.live("Leads")[0]?.fields).toMatchObject({ firstname: "", lastname: "Lead" });
    expect(h.live("Leads")[0]?.wsId).toBe(lead.id);
    expect(ctx.entries.touched).toEqual([{ module: "Contacts", crmId: contact.id, action: "updated" }]);
    expect(await h.links.get("customer", Number(result.customerId), "Contacts")).toBe(contact.id);
  });

  it("does not rename an Account with that e-mail, nor create a Lead", async () => {
    const { event, result } = await signUp({ company: "Atelier Orion" });
    const account = await h.crm.create("Accounts", { accountname: "Orion Holding", email1: result.email, assigned_user_id: "19x1" });
    const ctx = h.context();
    h.vtiger.control.resetStats();
    await applyShopEvent(ctx, event);

    expect(h.live("Accounts")[0]?.fields.accountname).toBe("Orion Holding");
    expect(h.live("Leads")).toHaveLength(0);
    expect(h.vtiger.control.stats().calls.revise).toBeUndefined();
    expect(ctx.entries.touched).toEqual([{ module: "Accounts", crmId: account.id, action: "found" }]);
  });

  it("writes nothing when the registered record already says what the shop says", async () => {
    const { event } = await signUp({ company: "Studio Delta" });
    await applyShopEvent(h.context(), event);
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.vtiger.control.stats().calls.revise).toBeUndefined();
    expect(h.vtiger.control.stats().calls.create).toBeUndefined();
    expect(ctx.entries.touched.map((t) => t.action)).toEqual(["found"]);
  });

  it("finds the Lead of an attempt whose answer was lost instead of creating a second one", async () => {
    const { event } = await signUp();
    h.vtiger.control.configure({ failAfterWrite: 1 });
    await expect(applyShopEvent(h.context(), event)).rejects.toThrow(/HTTP 500/);
    expect(h.live("Leads")).toHaveLength(1);
    h.vtiger.control.configure({ failAfterWrite: 0 });

    const ctx = h.context();
    await applyShopEvent(ctx, event);
    expect(h.live("Leads")).toHaveLength(1);
    expect(ctx.entries.touched.map((t) => t.action)).toEqual(["found"]);
  });

  it("fills mandatory fields the connector leaves empty with the defaults (R10)", async () => {
    h.vtiger.control.setMandatory("Leads", "designation", true);
    h.vtiger.control.setMandatory("Leads", "industry", true);
    await h.reprobe();
    const { event } = await signUp();
    await applyShopEvent(h.context({ defaults: { Leads: { industry: "Banking" } } }), event);

    expect(h.live("Leads")[0]?.fields).toMatchObject({ designation: "--None--", industry: "Banking" });
  });

  it("fails for good, creating nothing, when a mandatory field has no valid default", async () => {
    h.vtiger.control.setMandatory("Leads", "industry", true);
    await h.reprobe();
    const { event } = await signUp();
    const attempt = applyShopEvent(h.context({ defaults: { Leads: { industry: "Not an industry" } } }), event);

    await expect(attempt).rejects.toBeInstanceOf(PermanentSyncError);
    await expect(attempt).rejects.toThrow('Leads: the mandatory field "Industry" (industry) has no valid default value');
    expect(h.live("Leads")).toHaveLength(0);
  });
});

async function loginOfNewCustomer() {
  const { result } = await h.act("sign-up", { company: "" });
  return { customerId: Number(result.customerId), email: String(result.email), ...(await h.act("login", { customerId: Number(result.customerId) })) };
}

describe("R2 customer logs in", () => {
  it("creates a Lead when the e-mail is not in the CRM", async () => {
    const { event, email, customerId } = await loginOfNewCustomer();
    const customer = await h.shopClient.getCustomer(customerId);
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const leads = h.live("Leads");
    expect(leads).toHaveLength(1);
    expect(leads[0]?.fields).toMatchObject({ firstname: customer.firstname, lastname: customer.lastname, email, leadsource: "Prestashop", assigned_user_id: "19x1" });
    expect(await h.links.get("customer", customerId, "Leads")).toBe(leads[0]?.wsId);
  });

  it("changes nothing when the customer is registered", async () => {
    const { event, email, customerId } = await loginOfNewCustomer();
    const contact = await h.crm.create("Contacts", { firstname: "Someone", lastname: "Else", email, assigned_user_id: "19x1" });
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const calls = h.vtiger.control.stats().calls;
    expect([calls.create, calls.revise, calls.update]).toEqual([undefined, undefined, undefined]);
    expect(h.live("Contacts")[0]?.fields).toMatchObject({ firstname: "Someone", lastname: "Else" });
    expect(h.live("Leads")).toHaveLength(0);
    expect(ctx.entries.touched).toEqual([{ module: "Contacts", crmId: contact.id, action: "found" }]);
    expect(await h.links.get("customer", customerId, "Contacts")).toBe(contact.id);
  });
});
