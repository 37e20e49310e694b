/**
 * Where the key comes from (webservice/dispatcher.php) and how it is checked
 * (WebserviceRequest::authenticate, reference §3).
 */
import type { IncomingHttpHeaders } from "node:http";
import { errors } from "./errors.ts";
import type { KeyAccount } from "./knobs.ts";
import type { PhpParams } from "./php-query.ts";

/** The Basic-auth user name (password ignored), else `ws_key`; undefined when neither is there. */
export function requestKey(headers: IncomingHttpHeaders, query: PhpParams): string | undefined {
  const basic = /Basic\s+(.*)$/i.exec(headers.authorization ?? "");
  if (basic) {
    const user = Buffer.from(basic[1] ?? "", "base64").toString("utf8").split(":")[0] ?? "";
    return user.replace(/<[^>]*>?/g, "");
  }
  return typeof query.ws_key === "string" ? query.ws_key : undefined;
}

/** The account behind a key, or the failure PrestaShop reports (all 401 with the Basic challenge). */
export function authenticate(rawKey: string, keys: Readonly<Record<string, KeyAccount>>): KeyAccount {
  const key = rawKey.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, "");
  if (key === "") throw errors.keyEmpty();
  if (Buffer.byteLength(key, "utf8") !== 32) throw errors.keyFormat();
  // webservice_account.key is looked up through MySQL's case-insensitive collation.
  const account = Object.entries(keys).find(([stored]) => stored.toLowerCase() === key.toLowerCase())?.[1];
  if (!account?.active) throw errors.keyInactive();
  if (Object.keys(account.permissions).length === 0) throw errors.keyWithoutPermissions();
  return account;
}
