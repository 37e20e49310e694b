/**
 * The PrestaShop sandbox as an HTTP server: the webservice under /api/ (and through
 * /webservice/dispatcher.php?url=… as without URL rewriting), the control API under /_sandbox/.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl, PrestashopSandboxControl } from "./control.ts";
import { ShopEmitter } from "./emitter.ts";
import { GENERATE_DEFAULTS } from "./generate.ts";
import { KEY_METHODS, type KeyAccount, type PrestashopSandboxKnobs } from "./knobs.ts";
import { parsePhpQuery, urldecode, type PhpParams } from "./php-query.ts";
import { RESOURCES } from "./resources.ts";
import type { PsVersion } from "./versions.ts";
import { handleWebservice } from "./webservice.ts";

/** The documented default key (32 characters, like every webservice key). */
export const DEFAULT_KEY = "PSWSSANDBOXKEY0123456789ABCDEFGH";

export interface PrestashopSandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** 32 characters; defaults to env SANDBOX_PRESTASHOP_KEY, else DEFAULT_KEY. */
  key?: string;
  seed?: number;
  customers?: number;
  products?: number;
  version?: PsVersion;
  latencyMs?: number;
  webhookUrl?: string;
  webhookSecret?: string;
}

export interface PrestashopSandbox {
  /** Shop base URL, e.g. http://127.0.0.1:8082/; the webservice is at url + "api/". */
  url: string;
  port: number;
  key: string;
  control: PrestashopSandboxControl;
  emitter: ShopEmitter;
  close(): Promise<void>;
}

/** A read-only key on every resource the sandbox serves. */
function readOnlyAccount(): KeyAccount {
  return { active: true, permissions: Object.fromEntries([...RESOURCES.keys()].map((name) => [name, [...KEY_METHODS]])) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `/api/x` → "x", `/webservice/dispatcher.php?url=x` → "x"; null for anything else. */
function webserviceUrl(pathname: string, query: PhpParams): string | null {
  const rewritten = /^\/api(?:\/(.*))?$/.exec(pathname);
  // The rewrite rule passes the path on as `url=$1`, which PHP then url-decodes like any query value.
  if (rewritten) return urldecode(rewritten[1] ?? "");
  if (pathname === "/webservice/dispatcher.php") return typeof query.url === "string" ? query.url : "";
  return null;
}

async function serveWebservice(
  request: IncomingMessage,
  response: ServerResponse,
  url: string,
  query: PhpParams,
  control: PrestashopSandboxControl,
): Promise<void> {
  control.countRequest(url.split("/")[0] ?? "");
  // Writes are not served, but a request body must still be read off the socket.
  request.resume();
  if (control.knobs.latencyMs > 0) await sleep(control.knobs.latencyMs);
  if (control.shouldFail()) {
    response.writeHead(500, { "Content-Type": "text/html; charset=UTF-8" }).end();
    return;
  }
  const method = typeof query.ps_method === "string" ? query.ps_method : (request.method ?? "GET");
  const host = request.headers.host ?? "localhost";
  let reply;
  try {
    reply = handleWebservice({ method, url, query, headers: request.headers, wsUrl: `http://${host}/api/` }, { shop: control.shop, knobs: control.knobs });
  } catch {
    // A PHP fatal error or a database exception: a bare 500 (display_errors off).
    response.writeHead(500, { "Content-Type": "text/html; charset=UTF-8" }).end();
    return;
  }
  response.writeHead(reply.status, reply.headers).end(reply.body);
}

async function route(request: IncomingMessage, response: ServerResponse, control: PrestashopSandboxControl, emitter: ShopEmitter) {
  const [pathname = "/", rawQuery = ""] = (request.url ?? "/").split("?");
  if (pathname.startsWith("/_sandbox/")) return handleControl(pathname.slice("/_sandbox/".length), request, response, control, emitter);
  const query = parsePhpQuery(rawQuery);
  const url = webserviceUrl(pathname, query);
  if (url !== null) return serveWebservice(request, response, url, query, control);
  response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found: the sandbox serves /api/ and /_sandbox/.");
}

export async function startPrestashopSandbox(opts: PrestashopSandboxOptions = {}): Promise<PrestashopSandbox> {
  const key = opts.key ?? process.env.SANDBOX_PRESTASHOP_KEY ?? DEFAULT_KEY;
  if (key.length !== 32) throw new Error("A PrestaShop webservice key has exactly 32 characters.");
  const seed = opts.seed ?? GENERATE_DEFAULTS.seed;
  const knobs: PrestashopSandboxKnobs = {
    latencyMs: opts.latencyMs ?? 0,
    failureRate: 0,
    seed,
    version: opts.version ?? "8",
    keys: { [key]: readOnlyAccount() },
    webhookUrl: opts.webhookUrl ?? null,
    webhookSecret: opts.webhookSecret ?? null,
  };
  const control = new PrestashopSandboxControl(
    { customers: opts.customers ?? GENERATE_DEFAULTS.customers, products: opts.products ?? GENERATE_DEFAULTS.products, seed },
    knobs,
  );
  const emitter = new ShopEmitter({ shop: () => control.shop, knobs: () => control.knobs, random: () => control.random });

  const server = createServer((request, response) => {
    route(request, response, control, emitter).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    key,
    control,
    emitter,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
