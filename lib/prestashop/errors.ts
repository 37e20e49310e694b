/**
 * Typed errors of the PrestaShop webservice client.
 *
 * Every error says whether it is `transient` (worth retrying later without changing anything) so the
 * sync engine can decide between "retry" and "needs a human". Messages are meant for logs and people:
 * they name the resource that was read but never contain the webservice key (the transport masks it
 * in anything the server echoes).
 */
import { READ_RESOURCES } from "./resources";

/** Base class: lets callers test `err instanceof PrestashopError` for "anything from the shop connection". */
export abstract class PrestashopError extends Error {
  abstract readonly transient: boolean;
  /** Webservice resource the request was about ("customers"), when a request was involved. */
  readonly resource: string | undefined;

  constructor(message: string, resource: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.resource = resource;
  }
}

/** A connection setting (shop URL, webservice key) cannot be used; the message is shown to the user as is. */
export class PrestashopConfigError extends PrestashopError {
  readonly transient = false;
  readonly field: "url" | "key";
  constructor(field: "url" | "key", message: string) {
    super(message, undefined);
    this.field = field;
  }
}

/** The shop URL cannot be used (not http(s), not a URL, carries credentials, is a back-office link). */
export class PrestashopUrlError extends PrestashopConfigError {
  constructor(message: string) {
    super("url", message);
  }
}

/** A programming or input mistake detected before anything is sent (bad resource name, unfilterable value). */
export class PrestashopUsageError extends PrestashopError {
  readonly transient = false;
  constructor(message: string, resource?: string) {
    super(message, resource);
  }
}

/** One entry of PrestaShop's error list, `{"errors":[{"code":26,"message":"…"}]}` (reference §8). */
export interface PrestashopErrorEntry {
  code: number;
  message: string;
}

/** What every answer-based error knows about the request and the answer. */
export interface AnswerInit {
  status: number;
  resource: string;
  /** Record id of a detail request (`customers/5`). */
  id?: number | undefined;
  /** PrestaShop's own error list, [] when the body had none. */
  errors?: readonly PrestashopErrorEntry[] | undefined;
  /** PSWS-Version header, which PrestaShop sends once the key is accepted. */
  version?: string | undefined;
}

/** The shop, or whatever answers at its address, answered, but not with the data asked for. */
export abstract class PrestashopAnswerError extends PrestashopError {
  declare readonly resource: string;
  readonly status: number;
  readonly id: number | undefined;
  readonly errors: readonly PrestashopErrorEntry[];
  readonly version: string | undefined;

  constructor(message: string, init: AnswerInit) {
    super(message, init.resource);
    this.status = init.status;
    this.id = init.id;
    this.errors = init.errors ?? [];
    this.version = init.version;
  }

  /** PrestaShop's first error code: the meaningful one when PHP warnings (codes 2–15) follow it. */
  get code(): number | undefined {
    return this.errors[0]?.code;
  }
}

/** "PrestaShop error 26: Resource of type …" for messages; empty when the body had no error list. */
function detailOf(errors: readonly PrestashopErrorEntry[] | undefined): string {
  const first = errors?.[0];
  return first ? ` (PrestaShop error ${first.code}: ${first.message})` : "";
}

function target(init: AnswerInit): string {
  return init.id === undefined ? init.resource : `${init.resource}/${init.id}`;
}

/**
 * Who stopped the key: "not-received" = PrestaShop saw no key (the web server dropped the
 * Authorization header, typical of PHP-FPM/CGI), "rejected" = PrestaShop refused it (codes 17–21),
 * "web-server" = a password prompt of the web server in front of the shop, not PrestaShop's.
 */
export type AuthProblem = "not-received" | "rejected" | "web-server";

/** HTTP 401 about the key itself. */
export class PrestashopAuthError extends PrestashopAnswerError {
  readonly transient = false;
  readonly problem: AuthProblem;
  /** The realm of a web-server password prompt, to name it to the user. */
  readonly realm: string | undefined;

  constructor(init: AnswerInit & { problem: AuthProblem; realm?: string | undefined }) {
    super(authMessage(init), init);
    this.problem = init.problem;
    this.realm = init.realm;
  }
}

function authMessage(init: AnswerInit & { problem: AuthProblem; realm?: string | undefined }): string {
  switch (init.problem) {
    case "not-received":
      return `The shop did not receive the webservice key when reading ${target(init)} (HTTP 401 without a PrestaShop error)`;
    case "rejected":
      return `The shop refused the webservice key when reading ${target(init)}${detailOf(init.errors)}`;
    case "web-server":
      return `The web server in front of the shop asks for its own password${init.realm ? ` (realm "${init.realm}")` : ""} when reading ${target(init)}`;
  }
}

/**
 * The key is valid but not allowed to do this: "resource" = GET not ticked for the resource (401 #26),
 * "method" = the method refused for it (405 #25), "shop" = the key is not linked to this shop (403 #132).
 */
export type PermissionProblem = "resource" | "method" | "shop";

export class PrestashopPermissionError extends PrestashopAnswerError {
  readonly transient = false;
  readonly problem: PermissionProblem;

  constructor(init: AnswerInit & { problem: PermissionProblem }) {
    const what =
      init.problem === "shop" ? "is not enabled for this shop" : `may not read ${init.resource}`;
    super(`The webservice key ${what}${detailOf(init.errors)}`, init);
    this.problem = init.problem;
  }
}

/** The record does not exist (404, empty body), or not on this shop (404 #131). */
export class PrestashopNotFoundError extends PrestashopAnswerError {
  readonly transient = false;
  constructor(init: AnswerInit) {
    super(`${target(init)} does not exist in the shop${detailOf(init.errors)}`, init);
  }
}

/** 503 #22: the webservice is switched off in the back office (PS_WEBSERVICE). */
export class PrestashopDisabledError extends PrestashopAnswerError {
  readonly transient = false;
  constructor(init: AnswerInit) {
    super(`The shop's webservice is disabled (reading ${target(init)})${detailOf(init.errors)}`, init);
  }
}

/**
 * PrestaShop refused the request itself: unknown resource (#27), bad filter/display/sort/limit
 * (#29–#39), language (#78–#81). Sending it again changes nothing; it is a connector bug or a
 * version difference.
 */
export class PrestashopRequestError extends PrestashopAnswerError {
  readonly transient = false;
  constructor(init: AnswerInit) {
    super(`The shop rejected the request for ${target(init)} (HTTP ${init.status})${detailOf(init.errors)}`, init);
  }
}

/** PrestaShop or PHP failed (5xx, empty or with PrestaShop's error list), or the server throttles (429/408). */
export class PrestashopServerError extends PrestashopAnswerError {
  readonly transient = true;
  constructor(init: AnswerInit) {
    const what = init.status === 429 || init.status === 408 ? "was too busy to answer" : "failed";
    const empty = init.status >= 500 && (init.errors ?? []).length === 0 ? ", empty answer" : "";
    super(`The shop ${what} when reading ${target(init)} (HTTP ${init.status}${empty})${detailOf(init.errors)}`, init);
  }
}

/**
 * An answer that is not the PrestaShop webservice speaking JSON: an HTML page (the shop's 404 page,
 * a maintenance or proxy error page, another site), XML (PrestaShop before 1.6.0.9 ignores
 * output_format=JSON), other text, JSON of an unexpected shape, an empty 2xx, or a redirect.
 */
export type ProtocolProblem = "empty" | "html" | "xml" | "not-json" | "unexpected-json" | "redirect";

export class PrestashopProtocolError extends PrestashopAnswerError {
  readonly problem: ProtocolProblem;
  /** Short, tag-free, redacted start of the body (or the schema problem for "unexpected-json"). */
  readonly excerpt: string;
  /** Where a redirect points to (shop base only), so the user can be told the right address. */
  readonly location: string | undefined;
  readonly transient: boolean;

  constructor(init: AnswerInit & { problem: ProtocolProblem; excerpt: string; location?: string | undefined }) {
    super(protocolMessage(init), init);
    this.problem = init.problem;
    this.excerpt = init.excerpt;
    this.location = init.location;
    // Error pages of overloaded or maintained servers pass; a wrong address or format stays wrong.
    // An empty 2xx is a PHP request cut short.
    this.transient =
      init.status >= 500 || init.status === 429 || (init.problem === "empty" && init.status >= 200 && init.status < 300);
  }
}

function protocolMessage(init: AnswerInit & { problem: ProtocolProblem; excerpt: string; location?: string | undefined }): string {
  const at = `for ${target(init)} (HTTP ${init.status})`;
  switch (init.problem) {
    case "empty":
      return `The shop answered with an empty body ${at}`;
    case "html":
      return `The shop address answered with an HTML page, not the webservice, ${at}: "${init.excerpt}"`;
    case "xml":
      return `The shop answered in XML instead of JSON ${at}${init.version ? ` – PrestaShop ${init.version}` : ""}`;
    case "not-json":
      return `The shop answered with something that is not JSON ${at}: "${init.excerpt}"`;
    case "unexpected-json":
      return `The shop's JSON answer ${at} has an unexpected shape: ${init.excerpt}`;
    case "redirect":
      return `The shop address redirects to ${init.location ?? "(no location given)"} ${at}`;
  }
}

/** No answer within the client's timeout. */
export class PrestashopTimeoutError extends PrestashopError {
  readonly transient = true;
  readonly timeoutMs: number;
  constructor(resource: string, timeoutMs: number) {
    super(`The shop did not answer within ${formatSeconds(timeoutMs)} when reading ${resource}`, resource);
    this.timeoutMs = timeoutMs;
  }
}

/** The HTTP request never got an answer: DNS, refused connection, reset, TLS problems. */
export class PrestashopNetworkError extends PrestashopError {
  readonly transient = true;
  /** Node/undici error code, e.g. ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED; "UNKNOWN" if none was given. */
  readonly causeCode: string;
  readonly host: string;
  constructor(init: { resource: string; host: string; causeCode: string; cause: unknown }) {
    super(`The shop host ${init.host} cannot be reached when reading ${init.resource} (${init.causeCode})`, init.resource, {
      cause: init.cause,
    });
    this.causeCode = init.causeCode;
    this.host = init.host;
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** What the settings page shows for a failed step: what went wrong and what to do. */
export interface PrestashopErrorHelp {
  /** The resource (and record) that was read, e.g. "customers" or "orders/12". */
  step?: string;
  message: string;
  fix: string;
}

const WEBSERVICE_PAGE = "In the shop's back office, open Advanced Parameters › Webservice";
const FIX_URL = "Enter the address of the shop's front page, e.g. https://shop.example.com/ (the connector adds api/ itself).";
const FIX_KEY = `${WEBSERVICE_PAGE}, copy the connector's key exactly (32 characters) and check that its status is enabled.`;
const FIX_SERVER_LOG =
  "Look at the shop's PHP error log (or switch on debug mode under Advanced Parameters › Performance); try again once it is fixed.";
const FIX_BUG = "This is a connector bug or an unsupported PrestaShop version; please report it with the log.";
const FIX_REWRITE =
  "Check the shop address. If it is right, /api/ is not routed to the webservice: on Apache, regenerate .htaccess (Shop Parameters › Traffic & SEO, save); on nginx, add `rewrite ^/api/?(.*)$ /webservice/dispatcher.php?url=$1 last;`.";

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Turns any error from this client into a sentence for the user plus the fix. */
export function describePrestashopError(err: unknown): PrestashopErrorHelp {
  if (!(err instanceof PrestashopError)) {
    return {
      message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}`,
      fix: "Try again; if it persists, check the connector's log.",
    };
  }
  const step = err instanceof PrestashopAnswerError && err.id !== undefined ? `${err.resource}/${err.id}` : err.resource;
  const help = (message: string, fix: string): PrestashopErrorHelp => (step ? { step, message, fix } : { message, fix });

  if (err instanceof PrestashopConfigError) return help(err.message, err.field === "url" ? FIX_URL : FIX_KEY);
  if (err instanceof PrestashopUsageError) return help(err.message, "This is a connector bug; please report it with the log.");
  if (err instanceof PrestashopTimeoutError) {
    return help(err.message, "Check that the shop is up and not overloaded, then try again.");
  }
  if (err instanceof PrestashopNetworkError) return describeNetwork(err, help);
  if (err instanceof PrestashopAuthError) return describeAuth(err, help);
  if (err instanceof PrestashopPermissionError) return describePermission(err, help);
  if (err instanceof PrestashopNotFoundError) {
    return help(
      `${step ?? "The record"} does not exist in the shop (it may have been deleted, or belongs to another shop of a multistore).`,
      "Check the record in the shop's back office; nothing can be synchronised for it.",
    );
  }
  if (err instanceof PrestashopDisabledError) {
    return help(
      "The shop's webservice is disabled.",
      `${WEBSERVICE_PAGE}, set “Enable PrestaShop's webservice” to Yes and save.`,
    );
  }
  if (err instanceof PrestashopRequestError) {
    if (err.code === 27) {
      return help(`This shop does not offer the ${err.resource} resource.`, "Update PrestaShop to 1.6.0.9 or later; see the log for details.");
    }
    return help(`The shop rejected the connector's request${detailOf(err.errors)}.`, FIX_BUG);
  }
  if (err instanceof PrestashopServerError) {
    if (err.status === 429 || err.status === 408) {
      return help("The shop (or its hosting) refuses requests this fast.", "Try again later; if it persists, raise the hosting's rate limit for this server.");
    }
    return help(`The shop failed while answering (HTTP ${err.status})${detailOf(err.errors)}.`, FIX_SERVER_LOG);
  }
  if (err instanceof PrestashopProtocolError) return describeProtocol(err, help);
  return help(err.message, "Try again; if it persists, check the connector's log.");
}

type Help = (message: string, fix: string) => PrestashopErrorHelp;

function describeNetwork(err: PrestashopNetworkError, help: Help): PrestashopErrorHelp {
  const code = err.causeCode;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return help(`The shop host name ${err.host} cannot be found (DNS).`, "Check the spelling of the shop URL.");
  }
  if (TLS_CODES.test(code)) {
    return help(
      `The shop's HTTPS certificate is not accepted (${code}).`,
      "Install a valid certificate on the shop (e.g. Let's Encrypt), or use the exact host name the certificate is for.",
    );
  }
  const what = code === "ECONNREFUSED" ? "refuses the connection" : `cannot be reached (${code})`;
  return help(`The shop host ${err.host} ${what}.`, "Check the shop URL, that the web server is running, and that no firewall blocks this server.");
}

function describeAuth(err: PrestashopAuthError, help: Help): PrestashopErrorHelp {
  switch (err.problem) {
    case "not-received":
      return help(
        "The shop did not receive the webservice key: its web server drops the Authorization header before PHP sees it (common with PHP-FPM/CGI).",
        `${WEBSERVICE_PAGE}, set “Enable CGI mode for PHP” to Yes and save. On nginx, pass the header to PHP with \`fastcgi_param HTTP_AUTHORIZATION $http_authorization;\`.`,
      );
    case "web-server":
      return help(
        `The web server in front of the shop asks for its own password${err.realm ? ` (“${err.realm}”)` : ""}, which the webservice key cannot answer.`,
        "Exempt the shop's /api/ path from the web server's password protection: the key travels in the same Authorization header.",
      );
    case "rejected":
      if (err.code === 18) return help("The webservice key does not have the format PrestaShop expects (32 characters).", FIX_KEY);
      // #21 alone: the key is known and active but has no permission rows; an unknown or disabled key gets #20 first.
      if (err.code === 21) {
        return help(
          "The webservice key is accepted but may not read anything.",
          `${WEBSERVICE_PAGE}, edit the connector's key, tick View (GET) for ${READ_RESOURCES.join(", ")} and save.`,
        );
      }
      return help("The shop does not accept this webservice key (unknown or disabled).", FIX_KEY);
  }
}

function describePermission(err: PrestashopPermissionError, help: Help): PrestashopErrorHelp {
  if (err.problem === "shop") {
    return help(
      "The webservice key is not enabled for this shop.",
      `${WEBSERVICE_PAGE}, edit the connector's key, tick this shop under “Shop association” and save.`,
    );
  }
  return help(
    `The webservice key may not read ${err.resource}.`,
    `${WEBSERVICE_PAGE}, edit the connector's key, tick View (GET) for ${err.resource} and save.`,
  );
}

function describeProtocol(err: PrestashopProtocolError, help: Help): PrestashopErrorHelp {
  if (err.problem === "redirect") {
    return err.location
      ? help(`The shop address redirects to ${err.location}.`, `Enter the address it redirects to: ${err.location}`)
      : help(`The shop address redirects elsewhere (HTTP ${err.status}).`, FIX_URL);
  }
  if (err.problem === "xml") {
    return help(
      `The shop answers in XML only${err.version ? ` (PrestaShop ${err.version})` : ""}: JSON exists from PrestaShop 1.6.0.9.`,
      "Update PrestaShop to 1.6.0.9 or later.",
    );
  }
  if (err.status >= 500 || err.status === 429) {
    return help(
      `The shop's server answered HTTP ${err.status} with an error page (maintenance or overload?).`,
      "Try again later; if it persists, check that the shop and its hosting are up.",
    );
  }
  if (err.status === 404 || err.status === 410) {
    return help(`No PrestaShop webservice answers at this address (HTTP ${err.status}).`, FIX_REWRITE);
  }
  if (err.status === 401 || err.status === 403) {
    return help(
      `The web server in front of the shop blocks the webservice (HTTP ${err.status}).`,
      "Allow requests to the shop's /api/ path in the web server, firewall or security module (e.g. ModSecurity, a CDN's bot protection).",
    );
  }
  if (err.problem === "empty") return help("The shop answered with an empty page.", FIX_SERVER_LOG);
  if (err.problem === "unexpected-json") {
    return help("The shop answered in an unexpected format.", "Make sure the URL points to a PrestaShop shop (1.6.0.9 or later); see the log for details.");
  }
  return help("This address does not answer like a PrestaShop webservice.", FIX_URL);
}
