/**
 * One HTTP round trip to the webservice and the translation of everything that can come back into
 * either parsed JSON or a typed error (reference §2–§8). The key is the basic-auth user with an
 * empty password, so it never appears in a URL or an access log.
 */
import {
  PrestashopAuthError,
  PrestashopDisabledError,
  PrestashopNetworkError,
  PrestashopNotFoundError,
  PrestashopPermissionError,
  PrestashopProtocolError,
  PrestashopRequestError,
  PrestashopServerError,
  PrestashopTimeoutError,
  type AnswerInit,
  type PrestashopErrorEntry,
  type ProtocolProblem,
} from "./errors";
import { normalisePrestashopUrl } from "./url";
import { plainExcerpt } from "@/lib/http/excerpt";

export interface Transport {
  /** Shop base, e.g. "https://shop.example.com/". */
  base: string;
  /** Webservice root, base + "api/". */
  endpoint: string;
  /** "Basic …" header value carrying the key. */
  authorization: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Strings that must never appear in an error message (the key). */
  secrets: readonly string[];
  onRequest?: ((resource: string, ms: number) => void) | undefined;
}

export interface WsRequest {
  resource: string;
  /** Detail request `resource/id`. */
  id?: number | undefined;
  /** Built by query.ts; output_format is added here. */
  query: string;
  /**
   * Where to send it instead of the endpoint: the probe tries PrestaShop's dispatcher directly
   * to tell a missing /api/ rewrite rule from a wrong address.
   */
  url?: string;
}

export interface WsAnswer {
  json: unknown;
  /** PSWS-Version header (sent once the key is accepted). */
  version: string | undefined;
  /** True when the headers say the PrestaShop webservice answered (PSWS-Version or X-Powered-By). */
  fromPrestashop: boolean;
}

/** Sends one GET and returns the parsed JSON, or throws a PrestashopError. */
export async function send(transport: Transport, request: WsRequest): Promise<WsAnswer> {
  const started = performance.now();
  try {
    const url = request.url ?? requestUrl(transport.endpoint, request);
    const response = await exchange(transport, request, url);
    return interpret(transport, request, response);
  } finally {
    transport.onRequest?.(request.resource, performance.now() - started);
  }
}

function requestUrl(endpoint: string, request: WsRequest): string {
  const path = request.id === undefined ? request.resource : `${request.resource}/${request.id}`;
  // output_format must be exactly "JSON": "json" gives XML (§4).
  return `${endpoint}${path}?output_format=JSON${request.query ? `&${request.query}` : ""}`;
}

interface RawAnswer {
  status: number;
  body: string;
  headers: Headers;
}

async function exchange(transport: Transport, request: WsRequest, url: string): Promise<RawAnswer> {
  const signal = AbortSignal.timeout(transport.timeoutMs);
  try {
    // Redirects are not followed: fetch drops the Authorization header on a cross-origin redirect
    // (http → https), which would surface as a puzzling "key not received"; better to name the address.
    const doFetch = transport.fetch; // called unbound: browser-style fetch implementations reject a foreign `this`
    const response = await doFetch(url, {
      method: "GET",
      redirect: "manual",
      signal,
      headers: { authorization: transport.authorization, accept: "application/json" },
    });
    return { status: response.status, body: await response.text(), headers: response.headers };
  } catch (err) {
    if (signal.aborted) throw new PrestashopTimeoutError(request.resource, transport.timeoutMs);
    throw new PrestashopNetworkError({
      resource: request.resource,
      host: new URL(url).host,
      causeCode: causeCode(err),
      cause: err,
    });
  }
}

/** undici wraps the system error: TypeError("fetch failed") → cause (maybe an AggregateError) → code. */
function causeCode(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return "UNKNOWN";
}

/** First error codes that mean "this request is wrong", even when PHP warnings turned the status into 500 (§8). */
function isRequestCode(code: number): boolean {
  return (code >= 27 && code <= 39) || (code >= 78 && code <= 81);
}
const METHOD_CODES = new Set([23, 25, 101]);

function interpret(transport: Transport, request: WsRequest, raw: RawAnswer): WsAnswer {
  const { status, body, headers } = raw;
  // Before the key is accepted PrestaShop sends the header's initial value, "0".
  const versionHeader = headers.get("psws-version")?.trim() ?? "";
  const version = /^\d+\.\d+/.test(versionHeader) ? versionHeader : undefined;
  const fromPrestashop = version !== undefined || /prestashop/i.test(headers.get("x-powered-by") ?? "");
  const errors = errorEntries(body, transport.secrets);
  const init: AnswerInit = { status, resource: request.resource, id: request.id, errors, version };

  if (status >= 300 && status < 400) {
    throw protocol(init, "redirect", "", redirectTarget(headers, transport));
  }
  if (status >= 200 && status < 300) {
    if (errors.length > 0) throw new PrestashopRequestError(init);
    const json = parseJson(body);
    if (json === undefined) throw protocol(init, problemOf(body, headers), excerpt(body, transport.secrets));
    return { json, version, fromPrestashop };
  }

  const code = errors[0]?.code;
  if (status === 401) {
    if (code === 26) throw new PrestashopPermissionError({ ...init, problem: "resource" });
    if (errors.length > 0) throw new PrestashopAuthError({ ...init, problem: "rejected" });
    const realm = /realm="([^"]*)"/i.exec(headers.get("www-authenticate") ?? "")?.[1];
    if (realm !== undefined && !/prestashop/i.test(realm)) throw new PrestashopAuthError({ ...init, problem: "web-server", realm });
    // PrestaShop's dispatcher answers a missing key with a bare 401 (empty, or "401 Unauthorized" from 1.6.1).
    if (realm !== undefined || !looksHtml(body, headers)) throw new PrestashopAuthError({ ...init, problem: "not-received" });
  }
  if (code === 22) throw new PrestashopDisabledError(init);
  if (code === 132) throw new PrestashopPermissionError({ ...init, problem: "shop" });
  if (code !== undefined && METHOD_CODES.has(code)) throw new PrestashopPermissionError({ ...init, problem: "method" });
  // An unknown id answers 404 with an empty body (§6.2); 131 is "not on this shop".
  if (status === 404 && (code === 131 || (code === undefined && request.id !== undefined && body.trim() === ""))) {
    throw new PrestashopNotFoundError(init);
  }
  if (code !== undefined && isRequestCode(code)) throw new PrestashopRequestError(init);
  const serverSide = status >= 500 || status === 429 || status === 408;
  if (serverSide && (errors.length > 0 || body.trim() === "")) throw new PrestashopServerError(init);
  if (errors.length > 0) throw new PrestashopRequestError(init);
  throw protocol(init, problemOf(body, headers), excerpt(body, transport.secrets));
}

function protocol(init: AnswerInit, problem: ProtocolProblem, text: string, location?: string): PrestashopProtocolError {
  return new PrestashopProtocolError({ ...init, problem, excerpt: text, location });
}

function problemOf(body: string, headers: Headers): ProtocolProblem {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (text === "") return "empty";
  if (/^<\?xml|^<prestashop\b/i.test(text)) return "xml";
  if (looksHtml(body, headers)) return "html";
  return parseJson(body) === undefined ? "not-json" : "unexpected-json";
}

function looksHtml(body: string, headers: Headers): boolean {
  return /html/i.test(headers.get("content-type") ?? "") || /^\s*</.test(body);
}

/**
 * Where a redirect points, reduced to the shop base (a query string could carry our own
 * parameters back). A redirect to the shop itself – the front controller sending a request it
 * does not route to the home page – names no better address, so none is given.
 */
function redirectTarget(headers: Headers, transport: Transport): string | undefined {
  const header = headers.get("location");
  if (!header) return undefined;
  try {
    const target = normalisePrestashopUrl(new URL(header, transport.endpoint).href);
    return target === transport.base ? undefined : target;
  } catch {
    return undefined;
  }
}

/** JSON.parse, tolerating a UTF-8 BOM and PHP notices printed before the JSON when display_errors is on. */
function parseJson(body: string): unknown {
  const text = body.replace(/^\uFEFF/, "").trim();
  try {
    return JSON.parse(text);
  } catch {
    // Where the JSON most likely starts: an object, a list of objects, or the empty list at the end.
    const start = text.search(/\{"|\[\{|\[\]$/);
    if (start <= 0) return undefined;
    try {
      return JSON.parse(text.slice(start));
    } catch {
      return undefined;
    }
  }
}

/**
 * PrestaShop's error list, from JSON `{"errors":[{"code","message"}]}` or XML
 * `<errors><error><code><![CDATA[..]]></code><message>…` (§8); [] when the body has none.
 */
function errorEntries(body: string, secrets: readonly string[]): PrestashopErrorEntry[] {
  const json = parseJson(body);
  if (json !== undefined) {
    const list = json && typeof json === "object" && "errors" in json ? (json as { errors: unknown }).errors : undefined;
    if (!Array.isArray(list)) return [];
    return list.flatMap((entry: unknown) => {
      if (!entry || typeof entry !== "object") return [];
      const { code, message } = entry as { code?: unknown; message?: unknown };
      return [errorEntry(code, message, secrets)];
    });
  }
  const entries: PrestashopErrorEntry[] = [];
  for (const match of body.matchAll(/<error>([\s\S]*?)<\/error>/gi)) {
    const inner = match[1] ?? "";
    entries.push(errorEntry(xmlValue(inner, "code"), xmlValue(inner, "message"), secrets));
  }
  return entries;
}

function errorEntry(code: unknown, message: unknown, secrets: readonly string[]): PrestashopErrorEntry {
  const number = Number(code);
  return {
    code: Number.isInteger(number) ? number : 0,
    message: excerpt(typeof message === "string" ? message : String(message ?? ""), secrets),
  };
}

function xmlValue(xml: string, tag: string): string {
  const raw = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "i").exec(xml)?.[1] ?? "";
  return raw.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, "$1").trim();
}

const EXCERPT_LENGTH = 200;

function excerpt(body: string, secrets: readonly string[]): string {
  return plainExcerpt(body, secrets, EXCERPT_LENGTH);
}
