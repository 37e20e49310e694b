/**
 * The shop address as users type it ("https://shop.example.com/api", a URL copied from the
 * webservice docs, with or without trailing slash …) reduced to one canonical form: the shop base with a
 * trailing slash. The webservice always lives at base + "api/" (reference §1).
 */
import { PrestashopUrlError } from "./errors";

/**
 * Tails that point into the shop rather than at it: the webservice itself (with or without a
 * resource), the dispatcher behind it, and the front controller.
 */
const SHOP_TAILS = [/\/api(?:\/.*)?$/i, /\/webservice\/dispatcher\.php$/i, /\/index\.php$/i];

export function normalisePrestashopUrl(input: string): string {
  const text = input.trim();
  if (text === "") throw new PrestashopUrlError("Enter the address of your shop, e.g. https://shop.example.com/");
  if (!/^https?:\/\//i.test(text)) {
    throw new PrestashopUrlError("The shop URL must start with http:// or https:// (e.g. https://shop.example.com/)");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PrestashopUrlError(`"${text.slice(0, 100)}" is not a valid web address`);
  }
  if (url.hostname === "") throw new PrestashopUrlError("The shop URL has no host name");
  // The key travels as the basic-auth user; a second user name in the URL would clash with it and leak into logs.
  if (url.username !== "" || url.password !== "") {
    throw new PrestashopUrlError("The shop URL must not contain a user name or password");
  }
  // Back-office links carry the random admin folder, which has no webservice; only the user knows the shop's address.
  if (/[?&]controller=Admin/i.test(url.search) || /[?&]_?token=/i.test(url.search)) {
    throw new PrestashopUrlError("This is a back-office address; enter the address of the shop's front page instead");
  }
  let path = url.pathname.replace(/\/+$/, "");
  for (const tail of SHOP_TAILS) path = path.replace(tail, "");
  return `${url.origin}${path.replace(/\/+$/, "")}/`;
}

/** The webservice root for a shop base (normalised again, so any accepted spelling works). */
export function webserviceUrl(base: string): string {
  return `${normalisePrestashopUrl(base)}api/`;
}
