/**
 * The resources the sandbox serves, transcribed from the PrestaShop 8.1.2 classes (`$definition` +
 * `$webserviceParameters`), with the version differences of reference §10. Rows hold only what a
 * generator or an action set; everything else reads as the column default.
 */
import type { AssociationDef, AssociationField, DbValue, FieldDef, FieldType, ResourceDef, Row } from "./schema.ts";
import type { ShopData } from "./store.ts";
import { decimalText } from "./numbers.ts";
import { HOME_CATEGORY } from "./install-data.ts";
import { atLeast, type PsVersion } from "./versions.ts";

const field = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({ name, type, ...extra });
const int = (name: string, extra?: Partial<FieldDef>) => field(name, "int", extra);
const bool = (name: string, extra?: Partial<FieldDef>) => field(name, "bool", extra);
const money = (name: string, extra?: Partial<FieldDef>) => field(name, "decimal", extra);
const text = (name: string, extra?: Partial<FieldDef>) => field(name, "string", extra);
const datetime = (name: string, extra?: Partial<FieldDef>) => field(name, "datetime", extra);
const i18n = (name: string, extra?: Partial<FieldDef>) => field(name, "string", { i18n: true, ...extra });
const link = (name: string, xlink: string, extra?: Partial<FieldDef>) => int(name, { xlink, ...extra });
const ID = int("id");

const fixedFields = (...fields: AssociationField[]) => () => fields;
/** An association whose class declares no fields: PHP renders a lone `id`. */
const idOnly = fixedFields({ name: "id" });

const customers: ResourceDef = {
  name: "customers",
  node: "customer",
  description: "The e-shop's customers",
  fields: [
    ID,
    link("id_default_group", "groups"),
    link("id_lang", "languages"),
    datetime("newsletter_date_add"),
    text("ip_registration_newsletter"),
    datetime("last_passwd_gen"),
    text("secure_key"),
    bool("deleted"),
    text("passwd"),
    text("lastname"),
    text("firstname"),
    text("email"),
    int("id_gender"),
    field("birthday", "date"),
    bool("newsletter"),
    bool("optin"),
    text("website"),
    text("company"),
    text("siret"),
    text("ape"),
    money("outstanding_allow_amount"),
    bool("show_public_prices"),
    int("id_risk"),
    int("max_payment_days"),
    bool("active"),
    text("note"),
    bool("is_guest"),
    int("id_shop"),
    int("id_shop_group"),
    datetime("date_add"),
    datetime("date_upd"),
    text("reset_password_token", { since: "1.7" }),
    datetime("reset_password_validity", { since: "1.7" }),
  ],
  associations: [
    {
      name: "groups",
      node: "group",
      fields: idOnly,
      rows: (row) => [{ id: row.id_default_group as DbValue }],
    },
  ],
};

const addresses: ResourceDef = {
  name: "addresses",
  node: "address",
  description: "The Customer, Brand and Customer addresses",
  fields: [
    ID,
    link("id_customer", "customers"),
    link("id_manufacturer", "manufacturers"),
    link("id_supplier", "suppliers"),
    link("id_warehouse", "warehouse"),
    link("id_country", "countries"),
    link("id_state", "states"),
    text("alias"),
    text("company"),
    text("lastname"),
    text("firstname"),
    text("vat_number"),
    text("address1"),
    text("address2"),
    text("postcode"),
    text("city"),
    text("other"),
    text("phone"),
    text("phone_mobile"),
    text("dni"),
    bool("deleted"),
    datetime("date_add"),
    datetime("date_upd"),
  ],
  associations: [],
};

const countries: ResourceDef = {
  name: "countries",
  node: "country",
  description: "The countries",
  fields: [
    ID,
    link("id_zone", "zones"),
    link("id_currency", "currencies"),
    int("call_prefix"),
    text("iso_code"),
    bool("active"),
    bool("contains_states"),
    bool("need_identification_number"),
    bool("need_zip_code"),
    text("zip_code_format"),
    bool("display_tax_label"),
    i18n("name"),
  ],
  associations: [],
};

/** Currency names and symbols became multilingual in 1.7; its constructor turns `name` back into a string. */
const currencyName = (row: Row): string => {
  const names = row.name as Record<number, string>;
  const first = names[1] ?? "";
  return first.charAt(0).toUpperCase() + first.slice(1);
};

const currencies: ResourceDef = {
  name: "currencies",
  node: "currency",
  description: "The currencies",
  fields: [
    ID,
    i18n("names", { since: "1.7", dynamic: true, value: (row) => row.name ?? {} }),
    text("name", { removedIn: "1.7", value: currencyName }),
    text("name", { since: "1.7", dynamic: true, value: currencyName }),
    i18n("symbol", { since: "1.7", dynamic: true }),
    text("iso_code"),
    text("iso_code_num", { removedIn: "1.7", value: (row) => row.numeric_iso_code ?? "" }),
    text("sign", { removedIn: "1.7", value: (row) => (row.symbol as Record<number, string>)[1] ?? "" }),
    int("blank", { removedIn: "1.7", value: () => 1 }),
    int("format", { removedIn: "1.7", value: () => 2 }),
    int("decimals", { removedIn: "1.7", value: () => 1 }),
    text("numeric_iso_code", { since: "1.7" }),
    int("precision", { since: "1.7" }),
    money("conversion_rate"),
    bool("deleted"),
    bool("active"),
    bool("unofficial", { since: "1.7" }),
    bool("modified", { since: "1.7" }),
    i18n("pattern", { since: "1.7" }),
  ],
  associations: [],
  preloaded: (id, shop) => id === shop.configurationInt("PS_CURRENCY_DEFAULT"),
};

const groups: ResourceDef = {
  name: "groups",
  node: "group",
  description: "The customer's groups",
  fields: [ID, money("reduction", { scale: 2 }), int("price_display_method"), bool("show_prices"), datetime("date_add"), datetime("date_upd"), i18n("name")],
  associations: [],
};

const guests: ResourceDef = {
  name: "guests",
  node: "guest",
  description: "The guests",
  fields: [
    ID,
    link("id_customer", "customers"),
    int("id_operating_system"),
    int("id_web_browser"),
    bool("javascript"),
    int("screen_resolution_x"),
    int("screen_resolution_y"),
    int("screen_color"),
    bool("sun_java"),
    bool("adobe_flash"),
    bool("adobe_director"),
    bool("apple_quicktime"),
    bool("real_player"),
    bool("windows_media"),
    text("accept_language"),
    bool("mobile_theme"),
  ],
  associations: [],
};

const configurations: ResourceDef = {
  name: "configurations",
  node: "configuration",
  description: "Shop configuration",
  // id_shop_group / id_shop are NULL for shop-wide values.
  fields: [ID, text("value"), text("name"), int("id_shop_group"), int("id_shop"), datetime("date_add"), datetime("date_upd")],
  associations: [],
};

const languages: ResourceDef = {
  name: "languages",
  node: "language",
  description: "Shop languages",
  fields: [
    ID,
    text("name"),
    text("iso_code"),
    text("locale", { since: "1.7" }),
    text("language_code"),
    bool("active"),
    bool("is_rtl"),
    text("date_format_lite"),
    text("date_format_full"),
  ],
  associations: [],
  preloaded: (id, shop) => id === shop.configurationInt("PS_LANG_DEFAULT"),
};

const PRODUCT_ASSOCIATIONS: Array<[name: string, node: string, fields: AssociationField[], api?: string]> = [
  ["categories", "category", [{ name: "id" }]],
  ["images", "image", [{ name: "id" }]],
  ["combinations", "combination", [{ name: "id" }]],
  ["product_option_values", "product_option_value", [{ name: "id" }]],
  ["product_features", "product_feature", [{ name: "id" }, { name: "id_feature_value", xlink: "product_feature_values" }]],
  ["tags", "tag", [{ name: "id" }]],
  ["stock_availables", "stock_available", [{ name: "id" }, { name: "id_product_attribute" }]],
  ["attachments", "attachment", [{ name: "id" }], "attachments"],
  ["accessories", "product", [{ name: "id", xlink: "products" }], "products"],
  ["product_bundle", "product", [{ name: "id" }, { name: "id_product_attribute" }, { name: "quantity" }], "products"],
];

const productAssociationRows: Record<string, AssociationDef["rows"]> = {
  // Every product sits in Home (2) and in its default category.
  categories: (row) => [...new Set([HOME_CATEGORY, Number(row.id_category_default ?? HOME_CATEGORY)])].map((id) => ({ id })),
  stock_availables: (row, shop) =>
    shop
      .table("stock_availables")
      .where("id_product", row.id)
      .map((stock) => ({ id: stock.id, id_product_attribute: stock.id_product_attribute as DbValue })),
};

const products: ResourceDef = {
  name: "products",
  node: "product",
  description: "The products",
  fields: [
    ID,
    link("id_manufacturer", "manufacturers"),
    link("id_supplier", "suppliers"),
    link("id_category_default", "categories"),
    text("new", { value: () => null }),
    int("cache_default_attribute"),
    int("id_default_image", { dynamic: true, xlink: { resourceName: "images", subResourceName: "products" }, value: () => null }),
    int("id_default_combination", { dynamic: true, xlink: { resourceName: "combinations" }, value: () => 0 }),
    link("id_tax_rules_group", "tax_rule_groups"),
    int("position_in_category", { dynamic: true, value: (row) => row.id }),
    text("manufacturer_name", { dynamic: true, value: () => false }),
    // 'getter' => false: PHP still reads the deprecated column, which stock changes no longer update.
    int("quantity", { dynamic: true }),
    text("type", { dynamic: true, value: () => "simple" }),
    int("id_shop_default"),
    text("reference"),
    text("supplier_reference"),
    text("location"),
    money("width"),
    money("height"),
    money("depth"),
    money("weight"),
    bool("quantity_discount"),
    text("ean13"),
    text("isbn", { since: "1.7" }),
    text("upc"),
    text("mpn", { since: "1.7" }),
    bool("cache_is_pack"),
    bool("cache_has_attachments"),
    bool("is_virtual"),
    int("state", { since: "1.7" }),
    int("additional_delivery_times", { since: "1.7" }),
    i18n("delivery_in_stock", { since: "1.7" }),
    i18n("delivery_out_stock", { since: "1.7" }),
    text("product_type", { since: "1.7" }),
    bool("on_sale"),
    bool("online_only"),
    money("ecotax"),
    int("minimal_quantity"),
    int("low_stock_threshold", { since: "1.7" }),
    bool("low_stock_alert", { since: "1.7" }),
    money("price"),
    money("wholesale_price"),
    text("unity"),
    money("unit_price", { since: "8" }),
    money("unit_price_ratio"),
    money("additional_shipping_cost"),
    int("customizable"),
    int("text_fields"),
    int("uploadable_files"),
    bool("active"),
    text("redirect_type"),
    int("id_product_redirected", { removedIn: "1.7" }),
    int("id_type_redirected", { since: "1.7" }),
    bool("available_for_order"),
    field("available_date", "date"),
    bool("show_condition", { since: "1.7" }),
    text("condition"),
    bool("show_price"),
    bool("indexed"),
    text("visibility"),
    bool("advanced_stock_management"),
    datetime("date_add"),
    datetime("date_upd"),
    int("pack_stock_type"),
    i18n("meta_description"),
    i18n("meta_keywords", { removedIn: "9" }),
    i18n("meta_title"),
    i18n("link_rewrite"),
    i18n("name"),
    i18n("description"),
    i18n("description_short"),
    i18n("available_now"),
    i18n("available_later"),
  ],
  associations: PRODUCT_ASSOCIATIONS.map(([name, node, fields, api]) => ({
    name,
    node,
    ...(api ? { api } : {}),
    fields: fixedFields(...fields),
    rows: productAssociationRows[name] ?? (() => []),
  })),
};

/** order_rows columns by version (reference §10.4): 1.6.1 lacks id, product_isbn and id_customization. */
function orderRowFields(version: PsVersion): AssociationField[] {
  const since17 = atLeast(version, "1.7");
  return [
    ...(since17 ? [{ name: "id" }] : []),
    { name: "product_id", xlink: "products" },
    { name: "product_attribute_id" },
    { name: "product_quantity" },
    { name: "product_name" },
    { name: "product_reference" },
    { name: "product_ean13" },
    ...(since17 ? [{ name: "product_isbn" }] : []),
    { name: "product_upc" },
    { name: "product_price" },
    ...(since17 ? [{ name: "id_customization", xlink: "customizations" }] : []),
    { name: "unit_price_tax_incl" },
    { name: "unit_price_tax_excl" },
  ];
}

/** Order::getWsOrderRows: a plain SELECT on order_detail, so money comes back as DECIMAL text. */
function orderRows(row: Row, shop: ShopData): Array<Record<string, DbValue>> {
  const money6 = (value: unknown) => decimalText(typeof value === "number" ? value : 0, 6);
  return shop
    .table("order_details")
    .where("id_order", row.id)
    .map((detail) => ({
      id: detail.id,
      product_id: detail.product_id as DbValue,
      product_attribute_id: (detail.product_attribute_id as DbValue) ?? 0,
      product_quantity: detail.product_quantity as DbValue,
      product_name: detail.product_name as DbValue,
      product_reference: (detail.product_reference as DbValue) ?? "",
      product_ean13: "",
      product_isbn: "",
      product_upc: "",
      product_price: money6(detail.product_price),
      id_customization: 0,
      unit_price_tax_incl: money6(detail.unit_price_tax_incl),
      unit_price_tax_excl: money6(detail.unit_price_tax_excl),
    }));
}

const orders: ResourceDef = {
  name: "orders",
  node: "order",
  description: "The Customers orders",
  fields: [
    ID,
    link("id_address_delivery", "addresses"),
    link("id_address_invoice", "addresses"),
    link("id_cart", "carts"),
    link("id_currency", "currencies"),
    link("id_lang", "languages"),
    link("id_customer", "customers"),
    link("id_carrier", "carriers"),
    link("current_state", "order_states"),
    text("module"),
    int("invoice_number"),
    datetime("invoice_date"),
    int("delivery_number"),
    datetime("delivery_date"),
    bool("valid"),
    datetime("date_add"),
    datetime("date_upd"),
    text("shipping_number", { removedIn: "8" }),
    // 8.0 moved it to order_carrier; the getter finds no carrier row for sandbox orders.
    text("shipping_number", { since: "8", dynamic: true, value: () => null }),
    text("note", { since: "1.7" }),
    int("id_shop_group"),
    int("id_shop"),
    text("secure_key"),
    text("payment"),
    bool("recyclable"),
    bool("gift"),
    text("gift_message"),
    bool("mobile_theme"),
    money("total_discounts"),
    money("total_discounts_tax_incl"),
    money("total_discounts_tax_excl"),
    money("total_paid"),
    money("total_paid_tax_incl"),
    money("total_paid_tax_excl"),
    money("total_paid_real"),
    money("total_products"),
    money("total_products_wt"),
    money("total_shipping"),
    money("total_shipping_tax_incl"),
    money("total_shipping_tax_excl"),
    money("carrier_tax_rate", { scale: 3 }),
    money("total_wrapping"),
    money("total_wrapping_tax_incl"),
    money("total_wrapping_tax_excl"),
    int("round_mode"),
    int("round_type"),
    money("conversion_rate"),
    text("reference"),
  ],
  associations: [{ name: "order_rows", node: "order_row", virtualEntity: true, fields: orderRowFields, rows: orderRows }],
};

const orderDetails: ResourceDef = {
  name: "order_details",
  node: "order_detail",
  description: "Details of an order",
  fields: [
    ID,
    link("id_order", "orders"),
    link("product_id", "products"),
    link("product_attribute_id", "combinations"),
    int("product_quantity_reinjected"),
    money("group_reduction", { scale: 2 }),
    int("discount_quantity_applied"),
    text("download_hash"),
    datetime("download_deadline"),
    int("id_order_invoice"),
    int("id_warehouse"),
    int("id_shop"),
    int("id_customization", { since: "1.7" }),
    text("product_name"),
    int("product_quantity"),
    int("product_quantity_in_stock"),
    int("product_quantity_return"),
    int("product_quantity_refunded"),
    money("product_price"),
    money("reduction_percent", { scale: 2 }),
    money("reduction_amount"),
    money("reduction_amount_tax_incl"),
    money("reduction_amount_tax_excl"),
    money("product_quantity_discount"),
    text("product_ean13"),
    text("product_isbn", { since: "1.7" }),
    text("product_upc"),
    text("product_mpn", { since: "1.7" }),
    text("product_reference"),
    text("product_supplier_reference"),
    money("product_weight"),
    text("tax_name", { hidden: true }),
    money("tax_rate", { hidden: true, scale: 3 }),
    int("tax_computation_method"),
    int("id_tax_rules_group"),
    money("ecotax"),
    money("ecotax_tax_rate", { scale: 3 }),
    int("download_nb"),
    money("unit_price_tax_incl"),
    money("unit_price_tax_excl"),
    money("total_price_tax_incl"),
    money("total_price_tax_excl"),
    money("total_shipping_price_tax_excl"),
    money("total_shipping_price_tax_incl"),
    money("purchase_supplier_price"),
    money("original_product_price"),
    money("original_wholesale_price"),
    money("total_refunded_tax_excl", { since: "1.7" }),
    money("total_refunded_tax_incl", { since: "1.7" }),
  ],
  associations: [{ name: "taxes", node: "tax", fields: idOnly, rows: (row) => [{ id: row.id_tax_rules_group as DbValue }] }],
};

const orderStates: ResourceDef = {
  name: "order_states",
  node: "order_state",
  description: "The Order statuses",
  fields: [
    ID,
    bool("unremovable"),
    bool("delivery"),
    bool("hidden"),
    bool("send_email"),
    text("module_name"),
    bool("invoice"),
    text("color"),
    bool("logable"),
    bool("shipped"),
    bool("paid"),
    bool("pdf_delivery"),
    bool("pdf_invoice"),
    bool("deleted"),
    i18n("name"),
    i18n("template"),
  ],
  associations: [],
};

const orderHistories: ResourceDef = {
  name: "order_histories",
  node: "order_history",
  description: "The Order histories",
  fields: [ID, link("id_employee", "employees"), link("id_order_state", "order_states"), link("id_order", "orders"), datetime("date_add")],
  associations: [],
};

const stockAvailables: ResourceDef = {
  name: "stock_availables",
  node: "stock_available",
  description: "Available quantities",
  fields: [
    ID,
    link("id_product", "products"),
    link("id_product_attribute", "combinations"),
    link("id_shop", "shops"),
    link("id_shop_group", "shop_groups"),
    int("quantity"),
    bool("depends_on_stock"),
    int("out_of_stock"),
    text("location", { since: "1.7" }),
  ],
  associations: [],
};

/** What the sandbox serves, by URL name. */
export const RESOURCES: ReadonlyMap<string, ResourceDef> = new Map(
  [
    addresses,
    configurations,
    countries,
    currencies,
    customers,
    groups,
    guests,
    languages,
    orderDetails,
    orderHistories,
    orderStates,
    orders,
    products,
    stockAvailables,
  ].map((resource) => [resource.name, resource]),
);
