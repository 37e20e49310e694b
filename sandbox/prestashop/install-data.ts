/**
 * What a fresh PrestaShop 8.1.2 install holds before any customer or order (install/data/xml), plus
 * a second language and three currencies: the reference tables every generated shop starts with.
 */
import type { StoredValue } from "./schema.ts";
import type { ShopData } from "./store.ts";

type Columns = Record<string, StoredValue>;

export const LANG_EN = 1;
export const LANG_FR = 2;
export const EUR = 1;
export const HOME_CATEGORY = 2;
export const GROUP_GUEST = 2;
export const GROUP_CUSTOMER = 3;
const COUNTRY_FR = 8;

/** Both languages of every multilingual value. */
export const bilingual = (en: string, fr: string = en) => ({ [LANG_EN]: en, [LANG_FR]: fr });

const LANGUAGES: Columns[] = [
  { name: "English (English)", iso_code: "en", locale: "en-US", language_code: "en-us", active: 1, date_format_lite: "m/d/Y", date_format_full: "m/d/Y H:i:s" },
  { name: "Français (French)", iso_code: "fr", locale: "fr-FR", language_code: "fr-fr", active: 1, date_format_lite: "d/m/Y", date_format_full: "d/m/Y H:i:s" },
];

const GROUPS: Columns[] = [
  { name: bilingual("Visitor", "Visiteur"), price_display_method: 0, show_prices: 1 },
  { name: bilingual("Guest", "Invité"), price_display_method: 0, show_prices: 1 },
  { name: bilingual("Customer", "Client"), price_display_method: 0, show_prices: 1 },
];

/** Ids 1–4: name, ISO 4217 code, numeric code, symbol, rate to EUR, active, deleted. */
export const CURRENCIES: Array<[string, string, string, string, number, 0 | 1, 0 | 1]> = [
  ["Euro", "EUR", "978", "€", 1, 1, 0],
  ["US Dollar", "USD", "840", "$", 1.08, 1, 0],
  ["British Pound", "GBP", "826", "£", 0.86, 1, 0],
  ["Swiss Franc", "CHF", "756", "CHF", 0.95, 0, 1],
];

/** The first countries of install/data/xml/country.xml (ids as installed): iso, zone, call prefix, name. */
const COUNTRIES: Array<[string, number, number, string, string, string]> = [
  ["DE", 1, 49, "NNNNN", "Germany", "Allemagne"],
  ["AT", 1, 43, "NNNN", "Austria", "Autriche"],
  ["BE", 1, 32, "NNNN", "Belgium", "Belgique"],
  ["CA", 2, 1, "LNL NLN", "Canada", "Canada"],
  ["CN", 3, 86, "NNNNNN", "China", "Chine"],
  ["ES", 1, 34, "NNNNN", "Spain", "Espagne"],
  ["FI", 1, 358, "NNNNN", "Finland", "Finlande"],
  ["FR", 1, 33, "NNNNN", "France", "France"],
  ["GR", 1, 30, "NNNNN", "Greece", "Grèce"],
  ["IT", 1, 39, "NNNNN", "Italy", "Italie"],
  ["JP", 3, 81, "NNN-NNNN", "Japan", "Japon"],
  ["LU", 1, 352, "NNNN", "Luxembourg", "Luxembourg"],
  ["NL", 1, 31, "NNNN LL", "Netherlands", "Pays-Bas"],
  ["PL", 1, 48, "NN-NNN", "Poland", "Pologne"],
  ["PT", 1, 351, "NNNN-NNN", "Portugal", "Portugal"],
  ["CZ", 1, 420, "NNN NN", "Czechia", "Tchéquie"],
  ["GB", 7, 44, "", "United Kingdom", "Royaume-Uni"],
  ["SE", 1, 46, "NNN NN", "Sweden", "Suède"],
  ["CH", 7, 41, "NNNN", "Switzerland", "Suisse"],
  ["DK", 1, 45, "NNNN", "Denmark", "Danemark"],
  ["US", 2, 1, "NNNNN", "United States", "États-Unis"],
];

interface OrderStateSeed {
  en: string;
  fr: string;
  template: string;
  color: string;
  module: string;
  flags: { invoice: 0 | 1; logable: 0 | 1; delivery: 0 | 1; shipped: 0 | 1; paid: 0 | 1; pdf_invoice: 0 | 1; send_email: 0 | 1 };
}

const state = (
  en: string,
  fr: string,
  template: string,
  color: string,
  module: string,
  [invoice, logable, delivery, shipped, paid, pdf_invoice, send_email]: Array<0 | 1>,
): OrderStateSeed => ({
  en,
  fr,
  template,
  color,
  module,
  flags: { invoice: invoice ?? 0, logable: logable ?? 0, delivery: delivery ?? 0, shipped: shipped ?? 0, paid: paid ?? 0, pdf_invoice: pdf_invoice ?? 0, send_email: send_email ?? 0 },
});

/** install/data/xml/order_state.xml in file order (ids 1–13); flags: invoice, logable, delivery, shipped, paid, pdf_invoice, send_email. */
const ORDER_STATES: OrderStateSeed[] = [
  state("Awaiting check payment", "En attente du paiement par chèque", "cheque", "#34209E", "ps_checkpayment", [0, 0, 0, 0, 0, 0, 1]),
  state("Payment accepted", "Paiement accepté", "payment", "#3498D8", "", [1, 1, 0, 0, 1, 1, 1]),
  state("Processing in progress", "En cours de préparation", "preparation", "#3498D8", "", [1, 1, 1, 0, 1, 0, 1]),
  state("Shipped", "Expédié", "shipped", "#01B887", "", [1, 1, 1, 1, 1, 0, 1]),
  state("Delivered", "Livré", "", "#01B887", "", [1, 1, 1, 1, 1, 0, 0]),
  state("Canceled", "Annulé", "order_canceled", "#2C3E50", "", [0, 0, 0, 0, 0, 0, 1]),
  state("Refunded", "Remboursé", "refund", "#01B887", "", [1, 0, 0, 0, 0, 0, 1]),
  state("Payment error", "Erreur de paiement", "payment_error", "#E74C3C", "", [0, 0, 0, 0, 0, 0, 1]),
  state("On backorder (paid)", "En attente de réapprovisionnement (payé)", "outofstock", "#3498D8", "", [1, 0, 0, 0, 1, 0, 1]),
  state("Awaiting bank wire payment", "En attente de virement bancaire", "bankwire", "#34209E", "ps_wirepayment", [0, 0, 0, 0, 0, 0, 1]),
  state("Remote payment accepted", "Paiement à distance accepté", "payment", "#3498D8", "", [1, 1, 0, 0, 1, 0, 1]),
  state("On backorder (not paid)", "En attente de réapprovisionnement (non payé)", "outofstock", "#34209E", "", [0, 0, 0, 0, 0, 0, 1]),
  state("Awaiting Cash On Delivery validation", "En attente de validation du paiement à la livraison", "cashondelivery", "#34209E", "ps_cashondelivery", [0, 0, 0, 0, 0, 0, 0]),
];

/** Configuration keys the connector reads, with their install values. */
const CONFIGURATION: Array<[string, string]> = [
  ["PS_LANG_DEFAULT", String(LANG_EN)],
  ["PS_CURRENCY_DEFAULT", String(EUR)],
  ["PS_COUNTRY_DEFAULT", String(COUNTRY_FR)],
  ["PS_SHOP_DEFAULT", "1"],
  ["PS_SHOP_NAME", "PrestaShop Sandbox"],
  ["PS_SHOP_EMAIL", "shop@example.com"],
  ["PS_TIMEZONE", "Europe/Paris"],
  ["PS_WEBSERVICE", "1"],
  ["PS_INVOICE_PREFIX", "#IN"],
  ["PS_UNIDENTIFIED_GROUP", "1"],
  ["PS_GUEST_GROUP", String(GROUP_GUEST)],
  ["PS_CUSTOMER_GROUP", String(GROUP_CUSTOMER)],
  ["PS_OS_CHEQUE", "1"],
  ["PS_OS_PAYMENT", "2"],
  ["PS_OS_PREPARATION", "3"],
  ["PS_OS_SHIPPING", "4"],
  ["PS_OS_DELIVERED", "5"],
  ["PS_OS_CANCELED", "6"],
  ["PS_OS_REFUND", "7"],
  ["PS_OS_ERROR", "8"],
  ["PS_OS_OUTOFSTOCK", "9"],
  ["PS_OS_BANKWIRE", "10"],
  ["PS_OS_WS_PAYMENT", "11"],
  ["PS_OS_OUTOFSTOCK_PAID", "9"],
  ["PS_OS_OUTOFSTOCK_UNPAID", "12"],
  ["PS_OS_COD_VALIDATION", "13"],
];

export function installReferenceData(shop: ShopData, installedAt: string): void {
  const dated = { date_add: installedAt, date_upd: installedAt };
  for (const columns of LANGUAGES) shop.table("languages").insert(columns);
  for (const columns of GROUPS) shop.table("groups").insert({ ...columns, ...dated });
  for (const [name, iso, numeric, symbol, rate, active, deleted] of CURRENCIES) {
    shop.table("currencies").insert({
      name: bilingual(name),
      symbol: bilingual(symbol),
      pattern: bilingual("#,##0.00 ¤", "#,##0.00 ¤"),
      iso_code: iso,
      numeric_iso_code: numeric,
      precision: 2,
      conversion_rate: rate,
      active,
      deleted,
    });
  }
  for (const [iso, zone, prefix, zip, en, fr] of COUNTRIES) {
    shop.table("countries").insert({
      id_zone: zone,
      call_prefix: prefix,
      iso_code: iso,
      active: 1,
      contains_states: ["CA", "IT", "JP", "US"].includes(iso) ? 1 : 0,
      need_identification_number: iso === "ES" ? 1 : 0,
      need_zip_code: 1,
      zip_code_format: zip,
      display_tax_label: ["CA", "US"].includes(iso) ? 0 : 1,
      name: bilingual(en, fr),
    });
  }
  for (const seed of ORDER_STATES) {
    shop.table("order_states").insert({
      ...seed.flags,
      unremovable: 1,
      module_name: seed.module,
      color: seed.color,
      name: bilingual(seed.en, seed.fr),
      template: bilingual(seed.template),
    });
  }
  for (const [name, value] of CONFIGURATION) {
    shop.table("configurations").insert({ name, value, id_shop_group: null, id_shop: null, ...dated });
  }
}
