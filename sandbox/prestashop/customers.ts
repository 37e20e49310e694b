/**
 * Creating customers the way PrestaShop stores them: a bcrypt hash and a secure key (both exposed by
 * the webservice, reference §10.1), the default group, a guests row for the visitor, addresses.
 */
import type { Person, PostalAddress } from "./fake-data.ts";
import { GROUP_CUSTOMER, GROUP_GUEST } from "./install-data.ts";
import type { Random } from "./random.ts";
import type { Row } from "./schema.ts";
import type { ShopData } from "./store.ts";

const HEX = "0123456789abcdef";
const BCRYPT = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export interface NewCustomer {
  person: Person;
  idLang: number;
  company?: string;
  /** Guest checkout (1.7+): a customer row with is_guest=1 in the Guest group. */
  isGuest?: boolean;
  newsletter?: boolean;
  birthday?: string;
  active?: boolean;
  deleted?: boolean;
}

export function createCustomer(shop: ShopData, customer: NewCustomer, at: string, random: Random): Row {
  const row = shop.table("customers").insert({
    id_default_group: customer.isGuest ? GROUP_GUEST : GROUP_CUSTOMER,
    id_lang: customer.idLang,
    newsletter_date_add: customer.newsletter ? at : "0000-00-00 00:00:00",
    last_passwd_gen: at,
    secure_key: random.string(HEX, 32),
    deleted: customer.deleted ? 1 : 0,
    passwd: `$2y$10$${random.string(BCRYPT, 53)}`,
    lastname: customer.person.lastname,
    firstname: customer.person.firstname,
    email: customer.person.email,
    id_gender: random.int(0, 2),
    birthday: customer.birthday ?? "0000-00-00",
    newsletter: customer.newsletter ? 1 : 0,
    optin: 0,
    company: customer.company ?? "",
    active: customer.active === false ? 0 : 1,
    is_guest: customer.isGuest ? 1 : 0,
    id_shop: 1,
    id_shop_group: 1,
    date_add: at,
    date_upd: at,
  });
  shop.table("guests").insert({
    id_customer: row.id,
    id_operating_system: random.int(1, 8),
    id_web_browser: random.int(1, 11),
    javascript: 1,
    screen_resolution_x: random.pick([1366, 1920, 2560, 390]),
    screen_resolution_y: random.pick([768, 1080, 1440, 844]),
    screen_color: 24,
    accept_language: customer.idLang === 1 ? "en" : "fr",
  });
  return row;
}

export function createAddress(shop: ShopData, customer: Row, postal: PostalAddress, alias: string, company: string, at: string): Row {
  return shop.table("addresses").insert({
    id_customer: customer.id,
    id_country: postal.id_country,
    alias,
    company,
    lastname: customer.lastname ?? "",
    firstname: customer.firstname ?? "",
    address1: postal.address1,
    postcode: postal.postcode,
    city: postal.city,
    phone: postal.phone,
    phone_mobile: postal.phone_mobile,
    date_add: at,
    date_upd: at,
  });
}
