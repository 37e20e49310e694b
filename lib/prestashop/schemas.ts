/**
 * zod schemas for the records the connector reads, tolerant of every shape PrestaShop 1.6.0.9 → 9
 * produces in JSON (reference §6):
 * - numbers and booleans come as JSON numbers or strings ("61.800000", "0"/"1") depending on the
 *   field and on whether the object was just written (§6.5);
 * - 8.x/9.x detail views drop every falsy field (§6.3), so a missing field means 0, false, "" or
 *   empty, and reads back as exactly that;
 * - empty lists and associations are `[]`, and may be missing altogether;
 * - multilingual fields are a plain string (one language, or `language=N`) or a list of
 *   `{id, value}` (§6.4);
 * - order rows of 1.6 have no `id`, `product_isbn` or `id_customization` (§10.4).
 * Unknown fields pass through untouched. Secrets (password hash, secure keys, reset tokens) are
 * removed in the schemas themselves, so a parsed record can be stored or logged as it is.
 */
import { z } from "zod";

/** Fields that give access to an account or an order; never kept, whatever the resource. */
const SECRET_FIELDS = ["passwd", "secure_key", "reset_password_token", "reset_password_validity", "download_hash"] as const;

/** A copy of the record without SECRET_FIELDS. */
export function withoutSecrets<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const field of SECRET_FIELDS) delete copy[field];
  return copy as T;
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

/** Numbers come as JSON numbers or numeric strings; null, "" and false mean 0. */
function toNumber(value: string | number | boolean | null, ctx: z.core.$RefinementCtx): number {
  if (value === null || value === "" || value === false) return 0;
  if (value === true) return 1;
  const number = typeof value === "number" ? value : Number(value.trim());
  if (Number.isFinite(number)) return number;
  ctx.addIssue({ code: "custom", message: `expected a number, got "${String(value).slice(0, 40)}"` });
  return z.NEVER;
}

/** Ids, counts and amounts; missing reads as 0. */
const numberField = scalar.transform((value, ctx) => (value === undefined ? 0 : toNumber(value, ctx)));

/** A number that older versions do not send at all: null then, rather than a misleading 0. */
const versionedNumberField = scalar.transform((value, ctx) => (value === undefined || value === null ? null : toNumber(value, ctx)));

/** PHP booleans: "0"/"1", 0/1, true/false; missing means false (§6.3). */
const flagField = scalar.transform(
  (value) => value === true || (typeof value === "number" && value !== 0) || (typeof value === "string" && value !== "" && value !== "0"),
);

/** Text; missing or null reads as "". */
const textField = scalar.transform((value) => (value === undefined || value === null ? "" : String(value)));

/** "YYYY-MM-DD[ HH:MM:SS]" in the shop's time zone (no offset); PHP's zero dates and missing ones read as null. */
const dateField = scalar.transform((value) => {
  if (typeof value !== "string" || value === "" || value.startsWith("0000-00-00")) return null;
  return value;
});

/** The id of the record itself: always present and positive. */
const recordId = z.coerce.number().int().positive();

const languageValueSchema = z.looseObject({ id: numberField, value: textField }).transform(({ id, value }) => ({ id, value }));
export type LanguageValue = z.output<typeof languageValueSchema>;

/** A multilingual field: a plain string, or one value per language id. */
const localizedField = z
  .union([z.string(), z.number(), z.array(languageValueSchema), z.null()])
  .optional()
  .transform((value): Localized => {
    if (value === undefined || value === null) return "";
    return typeof value === "number" ? String(value) : value;
  });
export type Localized = string | LanguageValue[];

/**
 * The text of a multilingual field in the given language; falls back to the first non-empty
 * language, since a shop's languages are not all translated.
 */
export function pickLanguage(value: Localized, languageId?: number): string {
  if (typeof value === "string") return value;
  const preferred = value.find((v) => v.id === languageId)?.value;
  return preferred || (value.find((v) => v.value !== "")?.value ?? "");
}

/** A list that may come as [], as an object keyed by position (PHP arrays with gaps), or not at all. */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), z.record(z.string(), item), z.null(), z.literal("")])
    .optional()
    .transform((value): Array<z.output<T>> => {
      if (value === undefined || value === null || value === "") return [];
      return Array.isArray(value) ? value : Object.values(value);
    });
}

/** `associations`: missing in 8.x detail views when every association is empty, `[]` when PHP's array was empty. */
function associations<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.preprocess((value) => (value && typeof value === "object" && !Array.isArray(value) ? value : {}), z.looseObject(shape));
}

const idRefSchema = z.looseObject({ id: numberField });

/** Anything the webservice returns, without its secrets. */
export const recordSchema = z.record(z.string(), z.unknown()).transform(withoutSecrets);
export type PrestashopRecord = z.output<typeof recordSchema>;

export const customerSchema = z
  .looseObject({
    id: recordId,
    id_default_group: numberField,
    id_lang: numberField,
    id_gender: numberField,
    id_shop: numberField,
    id_shop_group: numberField,
    lastname: textField,
    firstname: textField,
    email: textField,
    birthday: dateField,
    company: textField,
    siret: textField,
    ape: textField,
    website: textField,
    note: textField,
    newsletter: flagField,
    optin: flagField,
    active: flagField,
    deleted: flagField,
    is_guest: flagField,
    date_add: dateField,
    date_upd: dateField,
    associations: associations({ groups: listOf(idRefSchema) }),
  })
  .transform(withoutSecrets);
export type Customer = z.output<typeof customerSchema>;

export const addressSchema = z
  .looseObject({
    id: recordId,
    id_customer: numberField,
    id_manufacturer: numberField,
    id_supplier: numberField,
    id_warehouse: numberField,
    id_country: numberField,
    id_state: numberField,
    alias: textField,
    company: textField,
    lastname: textField,
    firstname: textField,
    vat_number: textField,
    address1: textField,
    address2: textField,
    postcode: textField,
    city: textField,
    other: textField,
    phone: textField,
    phone_mobile: textField,
    dni: textField,
    deleted: flagField,
    date_add: dateField,
    date_upd: dateField,
  })
  .transform(withoutSecrets);
export type Address = z.output<typeof addressSchema>;

export const countrySchema = z
  .looseObject({
    id: recordId,
    id_zone: numberField,
    iso_code: textField,
    call_prefix: numberField,
    name: localizedField,
    active: flagField,
    contains_states: flagField,
    need_zip_code: flagField,
    zip_code_format: textField,
  })
  .transform(withoutSecrets);
export type Country = z.output<typeof countrySchema>;

export const productSchema = z
  .looseObject({
    id: recordId,
    id_manufacturer: numberField,
    id_supplier: numberField,
    id_category_default: numberField,
    id_tax_rules_group: numberField,
    reference: textField,
    supplier_reference: textField,
    ean13: textField,
    isbn: textField,
    upc: textField,
    mpn: textField,
    /** Stored base price, tax excluded, before specific prices (§10.3). */
    price: numberField,
    wholesale_price: numberField,
    /** Not the stock from 1.5 on: read stock_availables (§10.3). */
    quantity: numberField,
    weight: numberField,
    active: flagField,
    available_for_order: flagField,
    is_virtual: flagField,
    cache_is_pack: flagField,
    /** "standard", "pack", "virtual", "combinations" (1.7.8+); "" before. */
    product_type: textField,
    visibility: textField,
    condition: textField,
    name: localizedField,
    description: localizedField,
    description_short: localizedField,
    link_rewrite: localizedField,
    date_add: dateField,
    date_upd: dateField,
    associations: associations({
      categories: listOf(idRefSchema),
      combinations: listOf(idRefSchema),
      stock_availables: listOf(z.looseObject({ id: numberField, id_product_attribute: numberField })),
    }),
  })
  .transform(withoutSecrets);
export type Product = z.output<typeof productSchema>;

/**
 * A line of an order. 1.7+ rows carry `id` (the order_detail id), `product_isbn` and
 * `id_customization`; 1.6 rows have none of them, so `id` is null there.
 */
export const orderRowSchema = z
  .looseObject({
    id: scalar.transform((value) => {
      const id = value === undefined || value === null || value === "" ? 0 : Number(value);
      return Number.isInteger(id) && id > 0 ? id : null;
    }),
    product_id: numberField,
    product_attribute_id: numberField,
    product_quantity: numberField,
    product_name: textField,
    product_reference: textField,
    product_ean13: textField,
    product_isbn: textField,
    product_upc: textField,
    /** Unit price before reductions, tax excluded. */
    product_price: numberField,
    id_customization: numberField,
    unit_price_tax_incl: versionedNumberField,
    unit_price_tax_excl: versionedNumberField,
  })
  .transform(withoutSecrets);
export type OrderRow = z.output<typeof orderRowSchema>;

/** Amounts are in the order's currency (`id_currency`); `conversion_rate` converts to the shop's default one. */
export const orderSchema = z
  .looseObject({
    id: recordId,
    reference: textField,
    id_customer: numberField,
    id_address_delivery: numberField,
    id_address_invoice: numberField,
    id_cart: numberField,
    id_currency: numberField,
    id_lang: numberField,
    id_carrier: numberField,
    id_shop: numberField,
    id_shop_group: numberField,
    current_state: numberField,
    module: textField,
    payment: textField,
    /** 0 until the order reaches a state that allows invoices. */
    invoice_number: numberField,
    invoice_date: dateField,
    delivery_number: numberField,
    delivery_date: dateField,
    valid: flagField,
    shipping_number: textField,
    note: textField,
    gift: flagField,
    gift_message: textField,
    recyclable: flagField,
    conversion_rate: numberField,
    round_mode: numberField,
    round_type: numberField,
    total_discounts: numberField,
    total_discounts_tax_incl: numberField,
    total_discounts_tax_excl: numberField,
    total_paid: numberField,
    total_paid_tax_incl: numberField,
    total_paid_tax_excl: numberField,
    total_paid_real: numberField,
    total_products: numberField,
    total_products_wt: numberField,
    total_shipping: numberField,
    total_shipping_tax_incl: numberField,
    total_shipping_tax_excl: numberField,
    carrier_tax_rate: numberField,
    total_wrapping: numberField,
    total_wrapping_tax_incl: numberField,
    total_wrapping_tax_excl: numberField,
    date_add: dateField,
    date_upd: dateField,
    associations: associations({ order_rows: listOf(orderRowSchema) }),
  })
  .transform(withoutSecrets);
export type Order = z.output<typeof orderSchema>;

/** Ids of states are per shop; the PS_OS_* configuration keys say which is which (§10.6). */
export const orderStateSchema = z
  .looseObject({
    id: recordId,
    name: localizedField,
    template: localizedField,
    color: textField,
    module_name: textField,
    paid: flagField,
    shipped: flagField,
    delivery: flagField,
    invoice: flagField,
    logable: flagField,
    hidden: flagField,
    deleted: flagField,
    unremovable: flagField,
    send_email: flagField,
    pdf_invoice: flagField,
    pdf_delivery: flagField,
  })
  .transform(withoutSecrets);
export type OrderState = z.output<typeof orderStateSchema>;

export const orderHistorySchema = z
  .looseObject({
    id: recordId,
    id_order: numberField,
    id_order_state: numberField,
    /** 0 for changes from the front office or the API. */
    id_employee: numberField,
    date_add: dateField,
  })
  .transform(withoutSecrets);
export type OrderHistory = z.output<typeof orderHistorySchema>;

/** 1.7.7+ fields (symbol, numeric_iso_code, precision) and 1.6 ones (sign, iso_code_num, decimals) both pass. */
export const currencySchema = z
  .looseObject({
    id: recordId,
    iso_code: textField,
    name: localizedField,
    symbol: localizedField,
    sign: textField,
    numeric_iso_code: textField,
    iso_code_num: textField,
    precision: numberField,
    conversion_rate: numberField,
    active: flagField,
    deleted: flagField,
  })
  .transform(withoutSecrets);
export type Currency = z.output<typeof currencySchema>;

/** A configuration row; one name can have a global row and rows per shop or shop group. */
export const configurationSchema = z
  .looseObject({
    id: recordId,
    name: textField,
    value: scalar.transform((value) => (value === undefined || value === null ? null : String(value))),
    id_shop: numberField,
    id_shop_group: numberField,
    date_add: dateField,
    date_upd: dateField,
  })
  .transform(withoutSecrets);
export type Configuration = z.output<typeof configurationSchema>;
