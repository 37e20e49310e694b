import { describe, expect, it } from "vitest";
import {
  configurationSchema,
  currencySchema,
  customerSchema,
  orderSchema,
  orderStateSchema,
  pickLanguage,
  productSchema,
  recordSchema,
} from "./schemas";

/** A customer as 8.1.2 lists it with display=full (every field, strings for most values, §6.5). */
const listedCustomer = {
  id: 2,
  id_default_group: "3",
  id_lang: "1",
  newsletter_date_add: "2013-12-13 08:19:15",
  ip_registration_newsletter: "",
  last_passwd_gen: "2024-01-08 05:01:31",
  secure_key: "c2ec3ac5e4f9f6dd3e5e2b0d3b4f0e61",
  deleted: "0",
  passwd: "$2y$10$abcdefghijklmnopqrstuv",
  lastname: "DOE",
  firstname: "John",
  email: "pub@prestashop.com",
  id_gender: "1",
  birthday: "1970-01-15",
  newsletter: "1",
  optin: "1",
  website: "",
  company: "",
  siret: "",
  ape: "",
  outstanding_allow_amount: "0.000000",
  show_public_prices: "0",
  id_risk: "0",
  max_payment_days: "0",
  active: "1",
  note: "",
  is_guest: "0",
  id_shop: "1",
  id_shop_group: "1",
  date_add: "2024-01-08 11:01:31",
  date_upd: "2024-01-08 11:01:31",
  reset_password_token: "",
  reset_password_validity: "0000-00-00 00:00:00",
  associations: { groups: [{ id: "3" }] },
};

/** What 8.x does to a detail view: PHP's array_filter drops "", "0", 0, null, false and []. */
function phpArrayFilter(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => !(v === "" || v === "0" || v === 0 || v === null || v === false || (Array.isArray(v) && v.length === 0))),
  );
}

describe("customerSchema", () => {
  it("reads a listed customer and strips the password hash and secure keys", () => {
    const customer = customerSchema.parse(listedCustomer);
    expect(customer).toMatchObject({
      id: 2,
      id_default_group: 3,
      email: "pub@prestashop.com",
      birthday: "1970-01-15",
      newsletter: true,
      active: true,
      deleted: false,
      is_guest: false,
      company: "",
      associations: { groups: [{ id: 3 }] },
    });
    for (const secret of ["passwd", "secure_key", "reset_password_token", "reset_password_validity"]) {
      expect(customer).not.toHaveProperty(secret);
    }
    expect(JSON.stringify(customer)).not.toContain("$2y$10$");
    // Fields the schema does not name pass through.
    expect(customer.outstanding_allow_amount).toBe("0.000000");
  });

  it("reads the 8.x detail view, which drops every falsy field (§6.3)", () => {
    const inactive = { ...listedCustomer, active: "0", associations: [] };
    const detail = phpArrayFilter(inactive);
    expect(Object.keys(detail)).not.toContain("active");
    expect(customerSchema.parse(detail)).toMatchObject({
      active: false,
      deleted: false,
      is_guest: false,
      company: "",
      note: "",
      associations: { groups: [] },
    });
  });

  it("reads ids and booleans written back as strings, and zero dates as null", () => {
    const customer = customerSchema.parse({ id: "2", active: 1, birthday: "0000-00-00", associations: [] });
    expect(customer).toMatchObject({ id: 2, active: true, birthday: null, associations: { groups: [] } });
  });

  it("refuses a record without id", () => {
    expect(customerSchema.safeParse({ email: "x@example.com" }).success).toBe(false);
  });
});

describe("recordSchema", () => {
  it("strips secrets from any resource, order secure keys included", () => {
    expect(recordSchema.parse({ id: 1, secure_key: "abc", download_hash: "def", note: "x" })).toEqual({ id: 1, note: "x" });
  });
});

const row17 = {
  id: "3",
  product_id: "1",
  product_attribute_id: "1",
  product_quantity: "1",
  product_name: "Hummingbird printed t-shirt - Size : S- Color : White",
  product_reference: "demo_1",
  product_ean13: "",
  product_isbn: "",
  product_upc: "",
  product_price: "23.900000",
  id_customization: "0",
  unit_price_tax_incl: "22.944000",
  unit_price_tax_excl: "19.120000",
};
/** 1.6.1: no id, product_isbn or id_customization (§10.4). */
const row16 = {
  product_id: "2",
  product_attribute_id: "7",
  product_quantity: "2",
  product_name: "Blouse - Color : White, Size : M",
  product_reference: "demo_2",
  product_ean13: "",
  product_upc: "",
  product_price: "27.000000",
  unit_price_tax_incl: "32.400000",
  unit_price_tax_excl: "27.000000",
};

describe("orderSchema", () => {
  const order = {
    id: 1,
    id_address_delivery: "4",
    id_address_invoice: "4",
    id_cart: "1",
    id_currency: "1",
    id_lang: "1",
    id_customer: "2",
    id_carrier: "2",
    current_state: "6",
    module: "ps_checkpayment",
    invoice_number: 0,
    invoice_date: "0000-00-00 00:00:00",
    delivery_number: 0,
    delivery_date: "0000-00-00 00:00:00",
    valid: "0",
    shipping_number: "",
    gift: "0",
    date_add: "2024-01-08 11:01:32",
    date_upd: "2024-01-08 11:01:32",
    secure_key: "b44a6d9efd7a0076a0fbce6b15eaf3b1",
    payment: "Payment by check",
    total_paid: "61.800000",
    total_paid_tax_incl: "61.800000",
    total_paid_tax_excl: "61.800000",
    total_paid_real: "0.000000",
    total_products: "53.800000",
    total_products_wt: "53.800000",
    total_shipping: "8.000000",
    conversion_rate: "1.000000",
    reference: "XKBKNABJK",
    associations: { order_rows: [row17] },
  };

  it("reads the 1.7+ rows and the falsy fields missing from the detail view", () => {
    const parsed = orderSchema.parse(phpArrayFilter(order));
    expect(parsed).toMatchObject({
      id: 1,
      current_state: 6,
      invoice_number: 0,
      invoice_date: null,
      valid: false,
      total_paid_tax_incl: 61.8,
      conversion_rate: 1,
      reference: "XKBKNABJK",
      shipping_number: "",
    });
    expect(parsed).not.toHaveProperty("secure_key");
    expect(parsed.associations.order_rows).toEqual([
      {
        id: 3,
        product_id: 1,
        product_attribute_id: 1,
        product_quantity: 1,
        product_name: "Hummingbird printed t-shirt - Size : S- Color : White",
        product_reference: "demo_1",
        product_ean13: "",
        product_isbn: "",
        product_upc: "",
        product_price: 23.9,
        id_customization: 0,
        unit_price_tax_incl: 22.944,
        unit_price_tax_excl: 19.12,
      },
    ]);
  });

  it("reads 1.6 rows, which have no id", () => {
    const parsed = orderSchema.parse({ ...order, invoice_number: "12", valid: "1", associations: { order_rows: [row16, row17] } });
    expect(parsed).toMatchObject({ invoice_number: 12, valid: true });
    const [first, second] = parsed.associations.order_rows;
    expect(first).toMatchObject({ id: null, product_id: 2, product_quantity: 2, product_isbn: "", id_customization: 0, unit_price_tax_excl: 27 });
    expect(second?.id).toBe(3);
  });

  it("reads rows of versions without unit prices as null, not 0", () => {
    const { unit_price_tax_incl: _incl, unit_price_tax_excl: _excl, ...bare } = row16;
    const parsed = orderSchema.parse({ ...order, associations: { order_rows: [bare] } });
    expect(parsed.associations.order_rows[0]).toMatchObject({ unit_price_tax_incl: null, unit_price_tax_excl: null, product_price: 27 });
  });

  it("reads an order without rows, and rows sent as an object keyed by position", () => {
    expect(orderSchema.parse({ ...order, associations: undefined }).associations.order_rows).toEqual([]);
    expect(orderSchema.parse({ ...order, associations: { order_rows: [] } }).associations.order_rows).toEqual([]);
    expect(orderSchema.parse({ ...order, associations: { order_rows: { "0": row17 } } }).associations.order_rows).toHaveLength(1);
  });

  it("reports a value that is not a number", () => {
    const result = orderSchema.safeParse({ ...order, total_paid_tax_incl: "n/a" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["total_paid_tax_incl"]);
  });
});

describe("multilingual fields", () => {
  const product = { id: 1, price: "23.900000", active: "1", reference: "demo_1" };

  it("reads plain strings (one language, or language=N)", () => {
    const parsed = productSchema.parse({ ...product, name: "Hummingbird printed t-shirt" });
    expect(pickLanguage(parsed.name, 2)).toBe("Hummingbird printed t-shirt");
    expect(parsed).toMatchObject({ price: 23.9, active: true, description_short: "" });
  });

  it("reads one value per language and picks the wanted one, else the first filled one", () => {
    const parsed = productSchema.parse({
      ...product,
      name: [
        { id: "1", value: "Hummingbird printed t-shirt" },
        { id: 2, value: "T-shirt imprimé colibri" },
        { id: 3, value: "" },
      ],
    });
    expect(parsed.name).toEqual([
      { id: 1, value: "Hummingbird printed t-shirt" },
      { id: 2, value: "T-shirt imprimé colibri" },
      { id: 3, value: "" },
    ]);
    expect(pickLanguage(parsed.name, 2)).toBe("T-shirt imprimé colibri");
    expect(pickLanguage(parsed.name, 3)).toBe("Hummingbird printed t-shirt");
    expect(pickLanguage(parsed.name)).toBe("Hummingbird printed t-shirt");
    expect(pickLanguage([], 1)).toBe("");
  });

  it("reads order state flags and names", () => {
    const state = orderStateSchema.parse({
      id: 2,
      unremovable: "1",
      delivery: "0",
      hidden: "0",
      send_email: "1",
      module_name: "",
      invoice: "1",
      color: "#3498D8",
      logable: "1",
      shipped: "0",
      paid: "1",
      pdf_delivery: "0",
      pdf_invoice: "1",
      deleted: "0",
      name: [{ id: "1", value: "Payment accepted" }],
      template: [{ id: "1", value: "payment" }],
    });
    expect(state).toMatchObject({ id: 2, paid: true, shipped: false, invoice: true, logable: true });
    expect(pickLanguage(state.name, 1)).toBe("Payment accepted");
  });
});

describe("currencies and configuration", () => {
  it("reads 8.x currencies (numbers for flags) and 1.6 ones (strings, sign instead of symbol)", () => {
    expect(
      currencySchema.parse({ id: 1, names: "US Dollar", name: "US Dollar", symbol: "$", iso_code: "USD", numeric_iso_code: "840", precision: 2, conversion_rate: "1.000000", deleted: 0, active: 1 }),
    ).toMatchObject({ id: 1, iso_code: "USD", active: true, deleted: false, conversion_rate: 1, precision: 2, symbol: "$" });
    expect(
      currencySchema.parse({ id: "2", name: "Euro", iso_code: "EUR", iso_code_num: "978", sign: "€", blank: "1", format: "2", decimals: "1", conversion_rate: "0.900000", deleted: "0", active: "1" }),
    ).toMatchObject({ id: 2, iso_code: "EUR", sign: "€", symbol: "", active: true, conversion_rate: 0.9 });
  });

  it("keeps a configuration value as text and an unset one as null", () => {
    expect(configurationSchema.parse({ id: 5, name: "PS_OS_PAYMENT", value: "2", id_shop: null, id_shop_group: "" })).toMatchObject({
      name: "PS_OS_PAYMENT",
      value: "2",
      id_shop: 0,
      id_shop_group: 0,
    });
    expect(configurationSchema.parse({ id: 6, name: "PS_OS_REFUND" }).value).toBeNull();
  });
});
