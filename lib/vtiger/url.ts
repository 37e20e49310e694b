/**
 * The CRM address as users type it ("crm.example.com/vtiger/index.php?module=Home", with spaces,
 * with webservice.php …) reduced to one canonical form: the site root with a trailing slash.
 * The canonical form is also the key of the shared session pool, so two spellings of the same
 * CRM share sessions.
 */
import { VtigerUrlError } from "./errors";

/** Files users copy from the browser's address bar or from API docs; the site root is their folder. */
const ENTRY_FILES = /\/(?:webservice|index)\.php$/i;

export function normaliseVtigerUrl(input: string): string {
  const text = input.trim();
  if (text === "") throw new VtigerUrlError("Enter the address of your vtiger CRM, e.g. https://crm.example.com/");
  if (!/^https?:\/\//i.test(text)) {
    throw new VtigerUrlError("The CRM URL must start with http:// or https:// (e.g. https://crm.example.com/)");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new VtigerUrlError(`"${text.slice(0, 100)}" is not a valid web address`);
  }
  if (url.hostname === "") throw new VtigerUrlError("The CRM URL has no host name");
  // fetch refuses URLs with credentials, and a password in a settings field would leak into logs.
  if (url.username !== "" || url.password !== "") {
    throw new VtigerUrlError("The CRM URL must not contain a user name or password");
  }
  // Query and fragment belong to the page the user copied (index.php?module=…), not to the site.
  const path = url.pathname.replace(ENTRY_FILES, "/").replace(/\/+$/, "");
  return `${url.origin}${path}/`;
}

/** URL of the webservice endpoint for a site root (normalised again, so any accepted spelling works). */
export function webserviceEndpoint(root: string): string {
  return `${normaliseVtigerUrl(root)}webservice.php`;
}
