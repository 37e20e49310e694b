/**
 * Typed errors of the vtiger webservice client.
 *
 * Every error says whether it is `transient` (worth retrying later without changing anything) so the
 * sync engine can decide between "retry" and "needs a human". Messages are meant for logs and people:
 * they name the operation but never contain the access key or a session name (the client redacts
 * both from anything the server echoes, see transport.ts).
 */

/** Base class: lets callers test `err instanceof VtigerError` for "anything from the CRM connection". */
export abstract class VtigerError extends Error {
  abstract readonly transient: boolean;
  /** vtiger operation that failed ("login", "query", "create", …), when a request was involved. */
  readonly operation: string | undefined;

  constructor(message: string, operation: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operation = operation;
  }
}

/** A connection setting (URL, user name, access key) cannot be used; the message is shown to the user as is. */
export class VtigerConfigError extends VtigerError {
  readonly transient = false;
  readonly field: "url" | "username" | "accessKey";
  constructor(field: "url" | "username" | "accessKey", message: string) {
    super(message, undefined);
    this.field = field;
  }
}

/** The CRM URL cannot be used (not http(s), not a URL, carries credentials). */
export class VtigerUrlError extends VtigerConfigError {
  constructor(message: string) {
    super("url", message);
  }
}

/** A programming or input mistake detected before anything is sent (bad VTQL value, malformed id, closed client). */
export class VtigerUsageError extends VtigerError {
  readonly transient = false;
  constructor(message: string, operation?: string) {
    super(message, operation);
  }
}

/** Session errors: the session is gone but logging in again fixes it (the client does so itself). */
const SESSION_CODES = new Set(["INVALID_SESSIONID", "SESSION_EXPIRED", "SESSION_LEFT_IDLE", "AUTHENTICATION_REQUIRED"]);
/** Plus INVALID_AUTH_TOKEN: our challenge token expired or was replaced by another login of the same user. */
const TRANSIENT_API_CODES = new Set([...SESSION_CODES, "INVALID_AUTH_TOKEN"]);

/**
 * vtiger answered `{"success":false,"error":{code,message}}`.
 * Duplicate prevention (7.1+) answers with the *number* 0 as code; it is exposed as "DUPLICATE"
 * so callers can switch on one string, and the raw value stays in `rawCode`.
 */
export class VtigerApiError extends VtigerError {
  readonly code: string;
  readonly rawCode: string | number;
  /** vtiger's own message text, e.g. "lastname does not have a value". */
  readonly vtigerMessage: string;
  /** Module the operation was about (describe/create/query), for "may not use module X" hints. */
  readonly module: string | undefined;
  readonly transient: boolean;

  constructor(init: { rawCode: string | number; vtigerMessage: string; operation: string; module?: string }) {
    const code = init.rawCode === 0 || init.rawCode === "0" ? "DUPLICATE" : String(init.rawCode);
    const where = init.module ? `${init.operation} ${init.module}` : init.operation;
    super(`vtiger refused ${where}: ${code}${init.vtigerMessage ? ` – ${init.vtigerMessage}` : ""}`, init.operation);
    this.code = code;
    this.rawCode = init.rawCode;
    this.vtigerMessage = init.vtigerMessage;
    this.module = init.module;
    this.transient = TRANSIENT_API_CODES.has(code);
  }
}

/** Answers whose HTTP status is not 2xx (PHP fatals are HTTP 500 with an empty body). */
export class VtigerHttpError extends VtigerError {
  readonly status: number;
  readonly emptyBody: boolean;
  /** Where a 3xx points to (origin and path only), so the user can be told the right address. */
  readonly location: string | undefined;
  readonly transient: boolean;

  constructor(init: { status: number; operation: string; excerpt: string; location?: string }) {
    const emptyBody = init.excerpt === "";
    let message: string;
    if (init.location !== undefined) {
      message = `The CRM answered HTTP ${init.status} (redirect to ${init.location}) during ${init.operation}`;
    } else if (emptyBody) {
      message =
        init.status >= 500
          ? `The CRM answered HTTP ${init.status} with an empty body (a PHP crash on the server) during ${init.operation}`
          : `The CRM answered HTTP ${init.status} with an empty body during ${init.operation}`;
    } else {
      message = `The CRM answered HTTP ${init.status} during ${init.operation}: "${init.excerpt}"`;
    }
    super(message, init.operation);
    this.status = init.status;
    this.emptyBody = emptyBody;
    this.location = init.location;
    // 5xx and throttling are server-side trouble that may pass; 3xx/4xx mean a wrong URL or a blocked path.
    this.transient = init.status >= 500 || init.status === 429 || init.status === 408;
  }
}

/** vtiger prints this (as text/html) when asked to load the privileges file of a user id that does not exist. */
export const RESTRICTED_FILE_TEXT = "Sorry! Attempt to access restricted file.";

export type ProtocolProblem = "empty" | "html" | "not-json" | "unexpected-json";

/** HTTP 2xx but not a usable vtiger JSON answer. */
export class VtigerProtocolError extends VtigerError {
  readonly problem: ProtocolProblem;
  /** Short, tag-free, redacted start of the body (or the schema problem for "unexpected-json"). */
  readonly excerpt: string;
  readonly transient: boolean;

  constructor(init: { problem: ProtocolProblem; operation: string; excerpt: string }) {
    super(protocolMessage(init.problem, init.operation, init.excerpt), init.operation);
    this.problem = init.problem;
    this.excerpt = init.excerpt;
    // An empty 200 is a half-finished PHP request; HTML and wrong JSON repeat identically on retry.
    this.transient = init.problem === "empty";
  }

  /** True for vtiger's "Sorry! Attempt to access restricted file." page. */
  get isRestrictedFile(): boolean {
    return this.excerpt.includes(RESTRICTED_FILE_TEXT);
  }
}

function protocolMessage(problem: ProtocolProblem, operation: string, excerpt: string): string {
  switch (problem) {
    case "empty":
      return `The CRM answered with an empty body during ${operation}`;
    case "html":
      return excerpt.includes(RESTRICTED_FILE_TEXT)
        ? `The CRM answered with an HTML page, not JSON, during ${operation}: "${excerpt}" – vtiger says this when a record refers to a user id that does not exist (check the assigned user)`
        : `The CRM answered with an HTML page, not JSON, during ${operation}: "${excerpt}"`;
    case "not-json":
      return `The CRM answered with something that is not JSON during ${operation}: "${excerpt}"`;
    case "unexpected-json":
      return `The CRM's JSON answer to ${operation} has an unexpected shape: ${excerpt}`;
  }
}

/** No answer within the client's timeout. */
export class VtigerTimeoutError extends VtigerError {
  readonly transient = true;
  readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number) {
    super(`The CRM did not answer ${operation} within ${formatSeconds(timeoutMs)}`, operation);
    this.timeoutMs = timeoutMs;
  }
}

/** The HTTP request never got an answer: DNS, refused connection, reset, TLS problems. */
export class VtigerNetworkError extends VtigerError {
  readonly transient = true;
  /** Node/undici error code, e.g. ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED; "UNKNOWN" if none was given. */
  readonly causeCode: string;
  readonly host: string;
  constructor(init: { operation: string; host: string; causeCode: string; cause: unknown }) {
    super(`The CRM host ${init.host} cannot be reached during ${init.operation} (${init.causeCode})`, init.operation, {
      cause: init.cause,
    });
    this.causeCode = init.causeCode;
    this.host = init.host;
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** True when logging in again and repeating the call is the cure (used by the session pool). */
export function isSessionError(err: unknown): err is VtigerApiError {
  return err instanceof VtigerApiError && err.operation !== "login" && SESSION_CODES.has(err.code);
}

/** What the settings page shows for a failed connection test: what went wrong and what to do. */
export interface VtigerErrorHelp {
  /** The vtiger operation (and module) that failed, e.g. "login" or "describe Leads". */
  step?: string;
  message: string;
  fix: string;
}

const FIX_URL = "Use the address you open vtiger with in the browser, e.g. https://crm.example.com/";
const FIX_ACCESS_KEY = "Copy the access key from vtiger: My Preferences → User Advanced Options → Access Key.";
const FIX_SERVER_LOG = "Look at the PHP error log of the CRM server; try again once it is fixed.";

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Turns any error from this client into a sentence for the user plus the fix. */
export function describeVtigerError(err: unknown): VtigerErrorHelp {
  if (!(err instanceof VtigerError)) {
    return {
      message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}`,
      fix: "Try again; if it persists, check the connector's log.",
    };
  }
  const step = err instanceof VtigerApiError && err.module ? `${err.operation} ${err.module}` : err.operation;
  const help = (message: string, fix: string): VtigerErrorHelp => (step ? { step, message, fix } : { message, fix });

  if (err instanceof VtigerConfigError) {
    if (err.field === "url") return help(err.message, FIX_URL);
    if (err.field === "accessKey") return help(err.message, FIX_ACCESS_KEY);
    return help(err.message, "Enter the vtiger login name of the user the connector should act as.");
  }
  if (err instanceof VtigerUsageError) return help(err.message, "This is a connector bug; please report it with the log.");
  if (err instanceof VtigerTimeoutError) {
    return help(err.message, "Check that the CRM is up and not overloaded, then try again.");
  }
  if (err instanceof VtigerNetworkError) return describeNetwork(err, help);
  if (err instanceof VtigerHttpError) return describeHttp(err, help);
  if (err instanceof VtigerProtocolError) return describeProtocol(err, help);
  if (err instanceof VtigerApiError) return describeApi(err, help);
  return help(err.message, "Try again; if it persists, check the connector's log.");
}

type Help = (message: string, fix: string) => VtigerErrorHelp;

function describeNetwork(err: VtigerNetworkError, help: Help): VtigerErrorHelp {
  const code = err.causeCode;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return help(`The CRM host name ${err.host} cannot be found (DNS).`, "Check the spelling of the CRM URL.");
  }
  if (TLS_CODES.test(code)) {
    return help(
      `The CRM's HTTPS certificate is not accepted (${code}).`,
      "Install a valid certificate on the CRM server (e.g. Let's Encrypt), or use the exact host name the certificate is for.",
    );
  }
  const what = code === "ECONNREFUSED" ? "refuses the connection" : `cannot be reached (${code})`;
  return help(
    `The CRM host ${err.host} ${what}.`,
    "Check the CRM URL, that the web server is running, and that no firewall blocks this server.",
  );
}

function describeHttp(err: VtigerHttpError, help: Help): VtigerErrorHelp {
  if (err.location !== undefined) {
    return help(`The CRM address redirects to ${err.location}.`, `Enter the address it redirects to: ${err.location}`);
  }
  if (err.status === 404 || err.status === 405 || err.status === 410) {
    return help(`This URL does not answer like a vtiger CRM (HTTP ${err.status}).`, FIX_URL);
  }
  if (err.status === 401 || err.status === 403) {
    return help(
      `The web server in front of the CRM refuses access to webservice.php (HTTP ${err.status}).`,
      "Allow requests to webservice.php (web server access rules, basic authentication or firewall).",
    );
  }
  if (err.status >= 500 && err.emptyBody) {
    return help(`The CRM crashed while handling ${err.operation ?? "the request"} (HTTP ${err.status}, empty answer).`, FIX_SERVER_LOG);
  }
  if (err.status >= 500) return help(`The CRM server reported an error (HTTP ${err.status}).`, FIX_SERVER_LOG);
  return help(`The CRM answered HTTP ${err.status}.`, FIX_URL);
}

function describeProtocol(err: VtigerProtocolError, help: Help): VtigerErrorHelp {
  if (err.isRestrictedFile) {
    return help(
      'The CRM refused the record with "Sorry! Attempt to access restricted file." – it refers to a CRM user that does not exist.',
      "Check the CRM user chosen as record owner in the connector settings.",
    );
  }
  if (err.problem === "empty") return help("The CRM answered with an empty page.", FIX_SERVER_LOG);
  if (err.problem === "unexpected-json") {
    return help("The CRM answered in an unexpected format.", "Make sure the URL points to a vtiger CRM (version 5.1 or later).");
  }
  return help("This URL does not answer like a vtiger CRM.", FIX_URL);
}

function describeApi(err: VtigerApiError, help: Help): VtigerErrorHelp {
  const detail = err.vtigerMessage ? ` (vtiger: "${err.vtigerMessage}")` : "";
  switch (err.code) {
    case "INVALID_USER_CREDENTIALS":
      return help("The user name or access key is wrong.", FIX_ACCESS_KEY);
    case "ACCESSKEY_UNDEFINED":
      return help("The CRM user has no access key yet.", "In vtiger, open the user's preferences and use “Change Access Key”, then copy it here.");
    case "INVALID_AUTH_TOKEN":
      return help(
        "The login was interrupted by another login of the same CRM user.",
        "Try again. If it keeps happening, give the connector its own CRM user.",
      );
    case "AUTHENTICATION_REQUIRED":
      if (err.operation === "login") return help("The CRM user is inactive.", "Activate the user in vtiger (Settings → Users).");
      return help("The CRM session ended.", "Try again; the connector logs in again by itself.");
    case "INVALID_SESSIONID":
    case "SESSION_EXPIRED":
    case "SESSION_LEFT_IDLE":
      return help("The CRM session ended.", "Try again; the connector logs in again by itself.");
    case "ACCESS_DENIED":
      return describeAccessDenied(err, help, detail);
    case "MANDATORY_FIELDS_MISSING":
      return help(
        `The CRM requires a value the connector did not send${detail}.`,
        "Map a PrestaShop field or a default value to it in the field mapping, or make the field optional in vtiger's Layout Editor.",
      );
    case "DUPLICATE":
      return help(
        `The CRM rejected the record as a duplicate${err.module ? ` in ${err.module}` : ""} (duplicate prevention).`,
        "Link to the existing CRM record, or relax duplicate prevention in vtiger (Settings → Module Manager).",
      );
    case "QUERY_SYNTAX_ERROR":
      return help(`The CRM could not parse a query${detail}.`, "This is a connector bug; please report it with the log.");
    case "REFERENCE_INVALID":
    case "INVALID_ID_ATTRIBUTE":
      return help(`The CRM rejected a link to another record${detail}.`, "Check that the linked record exists and belongs to the expected module.");
    case "CURRENCY_INACTIVE":
      return help("The currency is not active in the CRM.", "Activate it in vtiger: Settings → Currencies.");
    case "INTERNAL_SERVER_ERROR":
    case "DATABASE_QUERY_ERROR":
      return help(`The CRM reported an internal error${detail}.`, FIX_SERVER_LOG);
    default:
      return help(`The CRM answered with error ${err.code}${detail}.`, "Check the vtiger message; if it is unclear, report it with the log.");
  }
}

function describeAccessDenied(err: VtigerApiError, help: Help, detail: string): VtigerErrorHelp {
  if (err.operation === "getchallenge") {
    return help("The CRM does not know this user name.", "Use the vtiger login name (not the e-mail address) of an active user.");
  }
  if (err.operation === "retrieve" || err.operation === "update" || err.operation === "revise" || err.operation === "delete") {
    return help(
      `The CRM record does not exist, was deleted, or the CRM user may not see it${detail}.`,
      "Check that the record still exists in vtiger and that the connector's CRM user may access it.",
    );
  }
  const module = err.module ? `module ${err.module}` : "this module";
  if (/attribute denied/i.test(err.vtigerMessage)) {
    return help(
      `The CRM user may not use a field of ${module}${detail}.`,
      "Check the field's visibility for the user's profile in vtiger (Settings → Profiles), or the field name in the mapping.",
    );
  }
  return help(
    `The CRM user may not use ${module}${detail}.`,
    `In vtiger, allow ${module} for the user's profile (Settings → Profiles) and check that the module is enabled and spelled exactly (case matters).`,
  );
}
