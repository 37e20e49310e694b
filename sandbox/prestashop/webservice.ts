/**
 * One `/api/…` request, in the order webservice/dispatcher.php and WebserviceRequest::fetch() run:
 * key present, webservice on, key valid, shop context, languages, resource, method, then the GET
 * itself. Answers carry the headers returnOutput() writes (reference §1, §3, §6.6).
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { authenticate, requestKey } from "./auth.ts";
import { parseDisplay } from "./display.ts";
import { entityBuilder, type Output, type ViewContext } from "./entity-view.ts";
import { errors, PhpCrash, REALM, WsFailure } from "./errors.ts";
import type { KeyAccount, PrestashopSandboxKnobs } from "./knobs.ts";
import { planList } from "./list-query.ts";
import type { PhpParams } from "./php-query.ts";
import { renderJson, renderJsonErrors, renderJsonRoot } from "./render-json.ts";
import { renderXml, renderXmlErrors, renderXmlRoot } from "./render-xml.ts";
import { resourceNames } from "./resource-names.ts";
import { selectRows } from "./select-rows.ts";
import { RESOURCES } from "./resources.ts";
import { fieldsOf, type ResourceDef } from "./schema.ts";
import type { ShopData } from "./store.ts";
import { VERSION_TRAITS, type PsVersion } from "./versions.ts";

export interface WsRequest {
  /** HTTP method (or the `ps_method` override). */
  method: string;
  /** The part after `/api/` (the dispatcher's `url`). */
  url: string;
  query: PhpParams;
  headers: IncomingHttpHeaders;
  /** `http://host/api/`, from the Host header like Tools::getHttpHost(). */
  wsUrl: string;
}

export interface WsReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WsContext {
  shop: ShopData;
  knobs: PrestashopSandboxKnobs;
}

const VALID_METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD"];

/** Output format: Io-Format, Output-Format, output_format, io_format; only "JSON" (exact case) is JSON. */
function wantsJson(request: WsRequest): boolean {
  const { headers, query } = request;
  const choice = headers["io-format"] ?? headers["output-format"] ?? query.output_format ?? query.io_format;
  return choice === "JSON";
}

/** Language::getIDs() or the `language` parameter (WebserviceRequest::filterLanguage). */
function requestLanguages(query: PhpParams, shop: ShopData): number[] {
  const raw = query.language;
  if (raw === undefined) return shop.languageIds();
  const text = typeof raw === "string" ? raw : "";
  let ids: string[] = [];
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text)) ids = [String(Math.trunc(Number(text)))];
  else if (text.startsWith("[") && text.endsWith("]")) {
    const inner = text.slice(1, -1);
    if (inner.includes("|") !== inner.includes(",")) {
      if (inner.includes("|")) ids = inner.split("|");
      else {
        const range = inner.split(",");
        if (range.length !== 2) throw errors.languageRange();
        for (let id = Number(range[0]); id <= Number(range[1]); id++) ids.push(String(id));
      }
    } else ids = /\[(\d)+\]/.exec(text)?.slice(1, 2) ?? [];
  } else throw errors.languageValue();
  if (ids.some((id) => !/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(id))) throw errors.languageNotNumeric();
  const existing = ids.map(Number).filter((id) => shop.table("languages").get(id));
  if (existing.length === 0) throw errors.languageUnavailable();
  return existing;
}

/** groupShopExists, shopExists and shopHasRight for a single-shop install (shop 1 in group 1). */
function checkShopContext(query: PhpParams): void {
  const group = query.id_shop_group ?? query.id_group_shop;
  const numeric = (value: unknown) => typeof value === "string" && /^\s*\d+(\.\d*)?\s*$/.test(value);
  if (numeric(group) && Number(group) !== 1) throw errors.shopGroupEmpty();
  const shop = query.id_shop;
  if (shop === undefined || shop === "all") return;
  if (!numeric(shop)) throw errors.shopUnknown();
  if (Number(shop) !== 1) throw errors.shopNotAllowed();
}

function checkResource(segment: string, account: KeyAccount, version: PsVersion): void {
  if (segment === "") return;
  const names = resourceNames(version);
  if (!names.includes(segment)) throw errors.resourceUnknown(segment, names);
  if (!account.permissions[segment]) throw errors.resourceNotAllowed(segment);
}

function checkMethod(method: string, segment: string, account: KeyAccount): void {
  if (!VALID_METHODS.includes(method)) throw errors.methodInvalid(method);
  if (segment !== "" && !(account.permissions[segment] as string[] | undefined)?.includes(method)) {
    throw errors.methodNotAllowed(method, segment);
  }
}

/** PHP `(int)` of a URL segment: "12abc" is 12, "abc" is 0. */
const idOf = (segment: string) => Number.parseInt(/^\s*[+-]?\d+/.exec(segment)?.[0] ?? "0", 10);

function rootListing(request: WsRequest, account: KeyAccount, ctx: WsContext, json: boolean): string {
  const { version } = ctx.knobs;
  const granted = resourceNames(version).filter((name) => account.permissions[name] && RESOURCES.has(name));
  if (json) {
    if (VERSION_TRAITS[version].dropsFalsyInJson) throw new PhpCrash("array_filter(): Argument #1 ($array) must be of type array, string given");
    return renderJsonRoot(granted);
  }
  const methods = ["get", "put", "post", ...(VERSION_TRAITS[version].hasPatch ? ["patch"] : []), "delete", "head"];
  const entries = granted.map((name) => {
    const permitted = (account.permissions[name] ?? []) as string[];
    return {
      name,
      description: RESOURCES.get(name)?.description ?? "",
      methods: methods.map((m) => [m, permitted.includes(m.toUpperCase())] as const),
    };
  });
  const shopName = (ctx.shop.configuration("PS_SHOP_NAME") ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return renderXmlRoot(shopName, entries, request.wsUrl);
}

/** Runs the GET; null means "404 with an empty body" (unknown id in detail view). */
function getResource(request: WsRequest, resource: ResourceDef, segments: string[], view: ViewContext): Output | null {
  const { query } = request;
  const table = view.shop.table(resource.name);
  const detail = segments[1];
  if (detail === undefined || detail === "") {
    let plan;
    try {
      plan = planList(query, { resource, version: view.version, shop: view.shop, languages: view.languages });
    } catch (failure) {
      // getFilteredObjectList then reads four offsets of the `false` manageFilters returned.
      const offsetError = VERSION_TRAITS[view.version].falseOffsetError;
      if (!(failure instanceof WsFailure) || !offsetError) throw failure;
      const warning = (line: number) => ({
        code: offsetError.code,
        message: `${offsetError.label} Trying to access array offset on value of type bool (/var/www/html/classes/webservice/WebserviceRequest.php, line ${line})`,
      });
      throw failure.followedBy(500, [1333, 1334, 1335, 1336].map(warning));
    }
    const rows = selectRows(table, plan, view.shop);
    const { display } = plan;
    if (display === "minimum") return { view: "list", resource, ids: rows.map((row) => row.id) };
    return { view: "list", resource, entities: rows.map(entityBuilder(resource, display, view)) };
  }
  const known = fieldsOf(resource, view.version).map((f) => f.name);
  const display = parseDisplay(query.display, "full", resource, known, view.version);
  const row = table.get(idOf(detail));
  if (!row) return null;
  if (display === "minimum") return { view: "detail", resource, id: row.id };
  return { view: "detail", resource, entity: entityBuilder(resource, display, view)(row), displayParam: "display" in query };
}

function baseHeaders(startedAt: number, authenticatedVersion: string | null): Record<string, string> {
  return {
    "Access-Time": String(Math.floor(startedAt / 1000)),
    "X-Powered-By": "PrestaShop Webservice",
    // headerParams starts with PSWS-Version => 0 and only authentication sets the real value.
    "PSWS-Version": authenticatedVersion ?? "0",
  };
}

interface Finish {
  contentType: string;
  startedAt: number;
  /** Only successful content gets a Content-Sha1 (errors replace the content afterwards). */
  sha1?: string;
  /** false for HEAD and 304: the headers describe content that is not sent. */
  send?: boolean;
}

/** The remaining headers in returnOutput()'s order, then the reply. */
function finish(headers: Record<string, string>, status: number, content: string, options: Finish): WsReply {
  const all = { ...headers };
  // An empty content gets an empty Content-Type header, which PHP drops.
  if (content !== "") all["Content-Type"] = options.contentType;
  all["Execution-Time"] = String(Math.round(Date.now() - options.startedAt) / 1000);
  if (options.sha1) all["Content-Sha1"] = options.sha1;
  return { status, headers: all, body: options.send === false ? "" : content };
}

export function handleWebservice(request: WsRequest, ctx: WsContext): WsReply {
  const startedAt = Date.now();
  const key = requestKey(request.headers, request.query);
  if (key === undefined) {
    return {
      status: 401,
      headers: { "WWW-Authenticate": REALM, "Content-Type": "text/html; charset=UTF-8" },
      body: "401 Unauthorized",
    };
  }
  const json = wantsJson(request);
  const contentType = json ? "application/json" : "text/xml;charset=utf-8";
  const { version } = ctx.knobs;
  let authenticated: string | null = null;
  try {
    if (!ctx.shop.configurationInt("PS_WEBSERVICE")) throw errors.disabled();
    const account = authenticate(key, ctx.knobs.keys);
    authenticated = VERSION_TRAITS[version].release;
    checkShopContext(request.query);
    const languages = requestLanguages(request.query, ctx.shop);
    const segments = request.url.split("/");
    const segment = segments[0] ?? "";
    checkResource(segment, account, version);
    checkMethod(request.method, segment, account);

    const headers = baseHeaders(startedAt, authenticated);
    let body: string;
    if (segment === "") body = rootListing(request, account, ctx, json);
    else {
      const resource = RESOURCES.get(segment);
      if (!resource) throw new Error(`Key permissions name a resource the sandbox does not serve: ${segment}`);
      const output = getResource(request, resource, segments, { shop: ctx.shop, version, languages });
      if (!output) return finish(headers, 404, "", { contentType, startedAt });
      body = json ? renderJson(output, version) : renderXml(output, request.wsUrl, new Set(resourceNames(version)));
    }
    const sha1 = createHash("sha1").update(body).digest("hex");
    if (request.headers["local-content-sha1"] === sha1) return finish(headers, 304, body, { contentType, startedAt, sha1, send: false });
    return finish(headers, 200, body, { contentType, startedAt, sha1, send: request.method !== "HEAD" });
  } catch (failure) {
    if (!(failure instanceof WsFailure)) throw failure;
    const headers = baseHeaders(startedAt, authenticated);
    if (failure.challenge) headers["WWW-Authenticate"] = REALM;
    const body = json ? renderJsonErrors(failure.errors) : renderXmlErrors(failure.errors);
    return finish(headers, failure.status, body, { contentType, startedAt });
  }
}
