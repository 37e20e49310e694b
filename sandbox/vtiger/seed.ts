/**
 * The data of a fresh vtiger 8.2 install (reference §13/§14/§20), plus a second, non-admin user for
 * permission tests. Entity modules start empty.
 */
import type { StoreSnapshot, StoredRecord } from "./store.ts";

export interface SeedUser {
  userName: string;
  accessKey: string;
}

export interface SeedOptions {
  admin: SeedUser;
  sales: SeedUser;
  /** "Number Of Currency Decimals" of both users. */
  currencyDecimals: number;
}

const ADMIN_ID = 1;
const SALES_ID = 5;

function user(
  id: number,
  seed: SeedUser,
  names: { first: string; last: string },
  isAdmin: boolean,
  decimals: number,
): StoredRecord {
  return {
    module: "Users",
    id,
    deleted: false,
    fields: {
      user_name: seed.userName,
      is_admin: isAdmin ? "on" : "off",
      first_name: names.first,
      last_name: names.last,
      roleid: isAdmin ? "H2" : "H5",
      email1: `${seed.userName.toLowerCase()}@example.com`,
      status: "Active",
      currency_id: "21x1",
      no_of_currency_decimals: String(decimals),
      currency_decimal_separator: ".",
      currency_grouping_separator: ",",
      time_zone: "UTC",
      hour_format: "24",
      date_format: "yyyy-mm-dd",
      language: "en_us",
      callduration: "5",
      othereventduration: "5",
      accesskey: seed.accessKey,
    },
  };
}

const actor = (module: string, id: number, fields: Record<string, string>): StoredRecord => ({
  module,
  id,
  deleted: false,
  fields,
});

const group = (id: number, groupname: string, description: string): StoredRecord =>
  actor("Groups", id, { groupname, description });

const currency = (id: number, name: string, code: string, symbol: string, rate: string, active: boolean, base: boolean) =>
  actor("Currency", id, {
    currency_name: name,
    currency_code: code,
    currency_symbol: symbol,
    conversion_rate: rate,
    currency_status: active ? "Active" : "Inactive",
    defaultid: base ? "-11" : "0",
    deleted: "0",
  });

const tax = (id: number, label: string, percentage: string): StoredRecord =>
  actor("Tax", id, {
    taxname: `tax${id}`,
    taxlabel: label,
    percentage,
    deleted: "0",
    method: "Simple",
    type: "Fixed",
    compoundon: "[]",
    regions: "[]",
  });

export function freshInstall(options: SeedOptions): StoreSnapshot {
  return {
    nextCrmid: 1,
    sequences: { Users: SALES_ID + 1, Currency: 3, Tax: 4, LineItem: 1 },
    records: [
      user(ADMIN_ID, options.admin, { first: "Sandbox", last: "Administrator" }, true, options.currencyDecimals),
      group(2, "Team Selling", "Group Related to Sales"),
      group(3, "Marketing Group", "Group Related to Marketing Activities"),
      group(4, "Support Group", "Group Related to providing Support to Customers for the issues they reported"),
      user(SALES_ID, options.sales, { first: "Sam", last: "Seller" }, false, options.currencyDecimals),
      currency(1, "Euro", "EUR", "\u20ac", "1.00000", true, true),
      currency(2, "USA, Dollars", "USD", "$", "1.08000", false, false),
      tax(1, "VAT", "4.500"),
      tax(2, "Sales", "10.000"),
      tax(3, "Service", "12.500"),
    ],
  };
}
