import { describe, expect, it } from "vitest";
import { accountFromCustomer, accountNaming, isAccountNameFor, suffixedAccountName } from "./account";
import { contactFromCustomer } from "./contact";
import { leadFromCustomer } from "./lead";
import { customer, place, settings } from "./test-fixtures";

describe("Lead, Contact and Account from a shop customer", () => {
  it("fills the Lead from the customer and their first address", () => {
    expect(leadFromCustomer(customer({ company: "Atelier Nova" }), place(), settings)).toEqual({
      firstname: "Jean",
      lastname: "Dupont",
      email: "jean.dupont@example.com",
      company: "Atelier Nova",
      leadsource: "Prestashop",
      phone: "01 23 45 67 89",
      mobile: "06 12 34 56 78",
      lane: "12 rue de la Paix\nBâtiment B",
      code: "75002",
      city: "Paris",
      country: "France",
      assigned_user_id: "19x1",
    });
  });

  it("leaves out what a customer without address or company does not have", () => {
    expect(leadFromCustomer(customer(), null, settings)).toEqual({
      firstname: "Jean",
      lastname: "Dupont",
      email: "jean.dupont@example.com",
      leadsource: "Prestashop",
      assigned_user_id: "19x1",
    });
  });

  it("takes the company from the address when the customer has none", () => {
    expect(leadFromCustomer(customer(), place({ company: "Maison Azur" }), settings).company).toBe("Maison Azur");
  });

  it("fills the Contact with birthday, Account and mailing address", () => {
    expect(contactFromCustomer(customer(), place(), "11x3", settings)).toEqual({
      firstname: "Jean",
      lastname: "Dupont",
      email: "jean.dupont@example.com",
      birthday: "1980-02-03",
      account_id: "11x3",
      leadsource: "Prestashop",
      phone: "01 23 45 67 89",
      mobile: "06 12 34 56 78",
      mailingstreet: "12 rue de la Paix\nBâtiment B",
      mailingzip: "75002",
      mailingcity: "Paris",
      mailingcountry: "France",
      assigned_user_id: "19x1",
    });
  });

  it("names the Account after the company, else the person, with the customer id for a namesake", () => {
    expect(accountNaming(customer({ company: " Atelier Nova " }), null)).toEqual({ name: "Atelier Nova", person: false });
    expect(accountNaming(customer(), place())).toEqual({ name: "Dupont Jean", person: true });
    expect(suffixedAccountName("Dupont Jean", 42)).toBe("Dupont Jean (#42)");
  });

  it("fills the Account with e-mail, phone and both address blocks from the customer's address", () => {
    expect(accountFromCustomer(customer(), { ...place(), state: "Île-de-France" }, "Dupont Jean", settings)).toEqual({
      accountname: "Dupont Jean",
      email1: "jean.dupont@example.com",
      phone: "01 23 45 67 89",
      bill_street: "12 rue de la Paix\nBâtiment B",
      bill_city: "Paris",
      bill_state: "Île-de-France",
      bill_code: "75002",
      bill_country: "France",
      ship_street: "12 rue de la Paix\nBâtiment B",
      ship_city: "Paris",
      ship_state: "Île-de-France",
      ship_code: "75002",
      ship_country: "France",
      assigned_user_id: "19x1",
    });
  });
});

describe("isAccountNameFor", () => {
  it("recognises the names the connector gives a customer's Account, in any case", () => {
    expect(isAccountNameFor("dupont jean", customer(), place())).toBe(true);
    expect(isAccountNameFor("Dupont Jean (#42)", customer(), place())).toBe(true);
    expect(isAccountNameFor("ATELIER NOVA", customer({ company: "Atelier Nova" }), null)).toBe(true);
    expect(isAccountNameFor("Dupont Holding", customer(), place())).toBe(false);
    expect(isAccountNameFor("", customer(), null)).toBe(false);
  });
});
