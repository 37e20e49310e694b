/** The webservice user behind a session, read from the Users table. */
import type { Store, StoredRecord } from "./store.ts";

export interface WsUser {
  id: number;
  userName: string;
  isAdmin: boolean;
  record: StoredRecord;
}

function toUser(record: StoredRecord): WsUser {
  return {
    id: record.id,
    userName: record.fields.user_name ?? "",
    isAdmin: record.fields.is_admin === "on",
    record,
  };
}

export function userById(store: Store, id: number): WsUser | undefined {
  const record = store.find("Users", id);
  return record && !record.deleted ? toUser(record) : undefined;
}

/** Users::retrieve_user_id — MySQL collation makes the lookup case-insensitive ("ADMIN" works). */
export function userByName(store: Store, userName: string): WsUser | undefined {
  const wanted = userName.toLowerCase();
  const record = store.all("Users").find((r) => !r.deleted && r.fields.user_name?.toLowerCase() === wanted);
  return record ? toUser(record) : undefined;
}

/** getCurrencyDecimalPlaces casts an unset preference (NULL) to 0. */
export function currencyDecimals(user: WsUser): number {
  return Number.parseInt(user.record.fields.no_of_currency_decimals ?? "", 10) || 0;
}
