import { describe, expect, it } from "vitest";
import { invoiceFromOrder, orderCurrencyFields, salesOrderFromOrder } from "./inventory";
import { potentialFromOrder } from "./potential";
import { order, place, settings } from "./test-fixtures";

const places = { invoice: place(), delivery: { ...place({ id: 6, address1: "3 High Street", address2: "", postcode: "SW1A 1AA", city: "London" }), country: "United Kingdom" } };
const ids = { accountId: "11x3", contactId: "12x4", potentialId: "13x5", currencyId: "21x1", productIds: new Map([[1, "14x9"]]) };

describe("SalesOrder, Invoice and Potential from a shop order", () => {
  it("fills the SalesOrder: subject, reference, parties, currency, addresses, statuses, lines and totals", () => {
    expect(salesOrderFromOrder(order(), places, ids, settings)).toEqual({
      subject: "Sales order no12",
      customerno: "XKBKNABJK",
      account_id: "11x3",
      contact_id: "12x4",
      potential_id: "13x5",
      currency_id: "21x1",
      conversion_rate: "1",
      bill_street: "12 rue de la Paix\nBâtiment B",
      bill_city: "Paris",
      bill_code: "75002",
      bill_country: "France",
      ship_street: "3 High Street",
      ship_city: "London",
      ship_code: "SW1A 1AA",
      ship_country: "United Kingdom",
      assigned_user_id: "19x1",
      sostatus: "Approved",
      invoicestatus: "Paid",
      productid: "14x9",
      hdnTaxType: "group",
      hdnS_H_Amount: "8.40",
      txtAdjustment: "0.00",
      LineItems: [{ productid: "14x9", quantity: "2", listprice: "16.666667", comment: "Product 1", tax1: "20" }],
    });
  });

  it("leaves the statuses to the R10 defaults when the state is unmapped or left unchanged", () => {
    expect(salesOrderFromOrder(order({ current_state: 99 }), places, ids, settings)).not.toHaveProperty("sostatus");
    const cancelled = salesOrderFromOrder(order({ current_state: 6 }), places, ids, settings);
    expect(cancelled).toMatchObject({ sostatus: "Cancelled" });
    expect(cancelled).not.toHaveProperty("invoicestatus");
  });

  it("fills the Invoice like its SalesOrder, plus the SalesOrder, the invoice date and the invoice status", () => {
    const invoice = invoiceFromOrder(order(), places, { ...ids, salesOrderId: "6x20" }, settings);
    expect(invoice).toMatchObject({ subject: "Sales order no12", customerno: "XKBKNABJK", salesorder_id: "6x20", invoicedate: "2025-03-02", invoicestatus: "Paid", hdnS_H_Amount: "8.40" });
    expect(invoice).not.toHaveProperty("sostatus");
  });

  it("resends the order's conversion rate with its currency", () => {
    expect(orderCurrencyFields(order({ conversion_rate: "1.080000" }), "21x2")).toEqual({ currency_id: "21x2", conversion_rate: "1.08" });
  });

  it("fills the Potential: name, parties, amount paid, closing on the order's date", () => {
    expect(potentialFromOrder(order(), ids, settings)).toEqual({
      potentialname: "Shop order no12",
      related_to: "11x3",
      contact_id: "12x4",
      amount: "48.40",
      closingdate: "2025-03-01",
      leadsource: "Prestashop",
      assigned_user_id: "19x1",
    });
  });
});
