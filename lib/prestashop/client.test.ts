/**
 * PrestashopClient against a tiny in-process stand-in of the webservice: enough of the wire
 * protocol (reference §3–§8) to check request shape, error mapping, retries, paging and the probe.
 * The full behaviour across versions is covered by client.int.test.ts against the sandbox.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrestashopClient, type PrestashopClientOptions } from "./client";
import {
  PrestashopAuthError,
  PrestashopConfigError,
  PrestashopDisabledError,
  PrestashopNetworkError,
  PrestashopNotFoundError,
  PrestashopPermissionError,
  PrestashopProtocolError,
  PrestashopRequestError,
  PrestashopServerError,
  PrestashopTimeoutError,
  PrestashopUrlError,
  PrestashopUsageError,
} from "./errors";
import { customerSchema } from "./schemas";

const KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456";
const REALM = 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."';

interface Seen {
  path: string;
  params: URLSearchParams;
  authorization: string;
}
type Reply = { status?: number; body?: string; headers?: Record<string, string> };
type Handler = (seen: Seen) => Reply | "hang";

const json = (value: unknown, status = 200): Reply => ({
  status,
  body: JSON.stringify(value),
  headers: { "content-type": "application/json", "psws-version": "8.1.2" },
});
const psErrors = (status: number, ...errors: Array<[number, string]>): Reply => ({
  status,
  body: JSON.stringify({ errors: errors.map(([code, message]) => ({ code, message })) }),
  headers: { "content-type": "application/json" },
});

class FakeShop {
  readonly seen: Seen[] = [];
  handler: Handler = () => json([]);

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeShop> {
    let shop!: FakeShop;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://fake");
      const seen = { path: url.pathname, params: url.searchParams, authorization: req.headers.authorization ?? "" };
      shop.seen.push(seen);
      const reply = shop.handler(seen);
      if (reply === "hang") return;
      res.writeHead(reply.status ?? 200, reply.headers ?? {});
      res.end(reply.body ?? "");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    shop = new FakeShop(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return shop;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let shop: FakeShop;
const client = (options: Partial<PrestashopClientOptions> = {}) =>
  new PrestashopClient({ url: shop.url, key: KEY, retryDelayMs: 1, maxRetryDelayMs: 2, ...options });

beforeEach(async () => {
  shop = await FakeShop.start();
});
afterEach(async () => {
  await shop.close();
});

describe("settings", () => {
  it("refuses a missing or malformed key and a bad URL before sending anything", () => {
    expect(() => client({ key: "  " })).toThrow(PrestashopConfigError);
    expect(() => client({ key: "short" })).toThrow("has 32 characters; this one has 5");
    expect(() => client({ url: "shop.example.com" })).toThrow(PrestashopUrlError);
    expect(client({ key: ` ${KEY} `, url: `${shop.url}api/` }).url).toBe(shop.url);
  });

  it("keeps the key out of the client's printable state", () => {
    expect(JSON.stringify(client())).not.toContain(KEY);
  });
});

describe("requests", () => {
  it("sends the key as basic-auth user without password, asks for JSON and full records", async () => {
    shop.handler = () => json({ customers: [{ id: 1, email: "a@example.com", passwd: "$2y$hash" }] });
    const records = await client().list("customers", { limit: 10 });
    expect(records).toEqual([{ id: 1, email: "a@example.com" }]);
    const [seen] = shop.seen;
    expect(seen?.path).toBe("/api/customers");
    expect(seen?.authorization).toBe(`Basic ${Buffer.from(`${KEY}:`).toString("base64")}`);
    expect(seen?.params.get("output_format")).toBe("JSON");
    expect(seen?.params.get("display")).toBe("full");
    expect(seen?.params.get("limit")).toBe("10");
  });

  it("reads the bare [] of an empty list", async () => {
    shop.handler = () => json([]);
    expect(await client().list("orders")).toEqual([]);
    expect(await client().firstAddressOf(5)).toBeNull();
    expect(shop.seen[1]?.params.get("filter[id_customer]")).toBe("5");
    expect(shop.seen[1]?.params.get("filter[deleted]")).toBe("0");
  });

  it("reads JSON behind a BOM or PHP notices printed by display_errors", async () => {
    shop.handler = () => ({
      body: '\uFEFF<br />\n<b>Notice</b>: Undefined index [id_lang] in /var/www/classes/Module.php on line 12<br />\n{"customers":[{"id":1}]}',
      headers: { "content-type": "application/json" },
    });
    expect(await client().list("customers")).toEqual([{ id: 1 }]);
  });

  it("reads a detail view whose falsy fields are missing, without secrets", async () => {
    shop.handler = () =>
      json({ customer: { id: 7, lastname: "Doe", firstname: "Jane", email: "jane@example.com", passwd: "$2y$10$x", secure_key: "abc", date_add: "2024-01-01 10:00:00" } });
    const customer = await client().getCustomer(7);
    expect(shop.seen[0]?.path).toBe("/api/customers/7");
    expect(shop.seen[0]?.params.has("display")).toBe(false);
    expect(customer).toMatchObject({ id: 7, email: "jane@example.com", active: false, deleted: false, company: "", associations: { groups: [] } });
    expect(customer).not.toHaveProperty("passwd");
    expect(customer).not.toHaveProperty("secure_key");
  });

  it("names the record of an answer that does not fit the schema", async () => {
    shop.handler = () => json({ customers: [{ id: 3, active: "1", id_lang: "not a number" }] });
    const err = await client().list("customers", { schema: customerSchema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrestashopProtocolError);
    expect((err as PrestashopProtocolError).problem).toBe("unexpected-json");
    expect((err as PrestashopProtocolError).message).toContain("customers/3");
    expect((err as PrestashopProtocolError).message).toContain("id_lang");
  });

  it("prefers the global configuration row over per-shop ones", async () => {
    shop.handler = () =>
      json({
        configurations: [
          { id: 10, name: "PS_OS_CANCELED", value: "7", id_shop: "1", id_shop_group: "1" },
          { id: 11, name: "PS_OS_CANCELED", value: "6", id_shop: null, id_shop_group: null },
          { id: 12, name: "PS_OS_PAYMENT", value: "2", id_shop: null, id_shop_group: null },
          { id: 13, name: "PS_OS_REFUND", value: null },
        ],
      });
    const values = await client().configuration(["PS_OS_CANCELED", "PS_OS_PAYMENT", "PS_OS_REFUND", "PS_OS_ERROR"]);
    expect(values).toEqual({ PS_OS_CANCELED: "6", PS_OS_PAYMENT: "2" });
    expect(shop.seen[0]?.params.get("filter[name]")).toBe("[PS_OS_CANCELED|PS_OS_PAYMENT|PS_OS_REFUND|PS_OS_ERROR]");
  });

  it("refuses bad resource names and ids without sending anything", async () => {
    await expect(client().get("customers/1?ws_key=x", 1)).rejects.toThrow(PrestashopUsageError);
    await expect(client().get("customers", 0)).rejects.toThrow(PrestashopUsageError);
    expect(shop.seen).toHaveLength(0);
  });
});

describe("error mapping", () => {
  const cases: Array<[string, Reply, new (...args: never[]) => Error, Record<string, unknown>]> = [
    ["a bare 401 (key not received)", { status: 401, headers: { "www-authenticate": REALM } }, PrestashopAuthError, { problem: "not-received" }],
    ["1.6.1's plain-text 401", { status: 401, body: "401 Unauthorized", headers: { "www-authenticate": REALM } }, PrestashopAuthError, { problem: "not-received" }],
    [
      "a wrong key",
      { ...psErrors(401, [20, "Authentification key is not active"], [21, "No permission for this authentication key"]), headers: { "psws-version": "0", "www-authenticate": REALM } },
      PrestashopAuthError,
      { problem: "rejected", code: 20, version: undefined },
    ],
    [
      "the web server's own password prompt",
      { status: 401, body: "<h1>Authorization Required</h1>", headers: { "www-authenticate": 'Basic realm="Staging"', "content-type": "text/html" } },
      PrestashopAuthError,
      { problem: "web-server", realm: "Staging" },
    ],
    ["a resource not granted", psErrors(401, [26, 'Resource of type "customers" is not allowed with this authentication key']), PrestashopPermissionError, { problem: "resource" }],
    [
      "a resource not granted, in XML",
      {
        status: 401,
        body: '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n<errors>\n<error>\n<code><![CDATA[26]]></code>\n<message><![CDATA[Resource of type "customers" is not allowed with this authentication key]]></message>\n</error>\n</errors>\n</prestashop>',
        headers: { "content-type": "text/xml;charset=utf-8" },
      },
      PrestashopPermissionError,
      { problem: "resource", code: 26 },
    ],
    ["a key not linked to the shop", psErrors(403, [132, "No permission for this key on this shop"]), PrestashopPermissionError, { problem: "shop" }],
    ["a method not granted", psErrors(405, [25, "Method GET is not allowed for the resource customers"]), PrestashopPermissionError, { problem: "method" }],
    ["the disabled webservice", psErrors(503, [22, "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office"]), PrestashopDisabledError, {}],
    ["a PHP crash", { status: 500 }, PrestashopServerError, { transient: true }],
    ["a bad filter with PHP warnings (8.1 on PHP 8.2)", psErrors(500, [32, "This filter does not exist."], [3, "[PHP Warning #2] Trying to access array offset"]), PrestashopRequestError, { code: 32, transient: false }],
    ["an unknown resource", psErrors(400, [27, 'Resource of type "connections" does not exists. Did you mean: "contacts"?']), PrestashopRequestError, { code: 27 }],
    ["the shop's 404 page", { status: 404, body: "<html><title>404</title><body>Page not found</body></html>", headers: { "content-type": "text/html" } }, PrestashopProtocolError, { problem: "html", status: 404 }],
    ["a front page", { status: 200, body: "<!DOCTYPE html><html><body>Welcome to my shop</body></html>", headers: { "content-type": "text/html" } }, PrestashopProtocolError, { problem: "html", excerpt: "Welcome to my shop" }],
    ["a maintenance page", { status: 503, body: "<html><body>We'll be back soon</body></html>", headers: { "content-type": "text/html" } }, PrestashopProtocolError, { problem: "html", transient: true }],
    [
      "XML from a shop without JSON output",
      { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?>\n<prestashop><customers></customers></prestashop>', headers: { "content-type": "text/xml", "psws-version": "1.5.6.2" } },
      PrestashopProtocolError,
      { problem: "xml", version: "1.5.6.2" },
    ],
    ["plain text", { status: 200, body: "Hello" }, PrestashopProtocolError, { problem: "not-json" }],
    ["an empty 200", { status: 200 }, PrestashopProtocolError, { problem: "empty", transient: true }],
    ["JSON of another shape", json({ success: true }), PrestashopProtocolError, { problem: "unexpected-json" }],
    ["a redirect to https", { status: 301, headers: { location: "https://shop.example.com/api/customers?display=full" } }, PrestashopProtocolError, { problem: "redirect", location: "https://shop.example.com/" }],
  ];

  it.each(cases)("maps %s", async (_what, reply, type, properties) => {
    shop.handler = () => reply;
    const err = await client({ retries: 0 }).list("customers").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect(err).toMatchObject({ resource: "customers", ...properties });
  });

  it("maps a 404 of a detail request to not found", async () => {
    shop.handler = () => ({ status: 404 });
    await expect(client().getOrder(99)).rejects.toMatchObject({ constructor: PrestashopNotFoundError, resource: "orders", id: 99 });
    expect(shop.seen).toHaveLength(1);
  });

  it("masks the key in anything the shop echoes", async () => {
    shop.handler = () => ({ status: 200, body: `<html>Invalid key ${KEY}</html>`, headers: { "content-type": "text/html" } });
    const err = (await client().list("customers").catch((e: unknown) => e)) as PrestashopProtocolError;
    expect(err.excerpt).toBe("Invalid key [redacted]");
    expect(err.message).not.toContain(KEY);
  });

  it("gives up after the timeout", async () => {
    shop.handler = () => "hang";
    const err = await client({ timeoutMs: 50, retries: 0 }).list("customers").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrestashopTimeoutError);
  });

  it("reports a refused connection", async () => {
    const url = shop.url;
    await shop.close();
    shop = await FakeShop.start(); // another port; the old one is closed
    const err = await new PrestashopClient({ url, key: KEY, retries: 0 }).list("customers").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrestashopNetworkError);
    expect((err as PrestashopNetworkError).causeCode).toBe("ECONNREFUSED");
  });
});

describe("retries", () => {
  it("repeats transient failures with backoff, then succeeds", async () => {
    const failures: Reply[] = [{ status: 500 }, { status: 502, body: "<html>Bad Gateway</html>", headers: { "content-type": "text/html" } }];
    shop.handler = () => failures.shift() ?? json({ customers: [{ id: 1 }] });
    const timings: string[] = [];
    const records = await client({ onRequest: (resource) => timings.push(resource) }).list("customers");
    expect(records).toEqual([{ id: 1 }]);
    expect(shop.seen).toHaveLength(3);
    expect(timings).toEqual(["customers", "customers", "customers"]);
  });

  it("stops after the configured number of retries", async () => {
    shop.handler = () => ({ status: 500 });
    await expect(client({ retries: 2 }).list("customers")).rejects.toThrow(PrestashopServerError);
    expect(shop.seen).toHaveLength(3);
  });

  it("repeats a timeout", async () => {
    let calls = 0;
    shop.handler = () => (++calls === 1 ? "hang" : json([]));
    expect(await client({ timeoutMs: 50 }).list("customers")).toEqual([]);
    expect(calls).toBe(2);
  });

  it.each([
    ["a wrong key", psErrors(401, [21, "No permission for this authentication key"])],
    ["a missing permission", psErrors(401, [26, "not allowed"])],
    ["the disabled webservice", psErrors(503, [22, "disabled"])],
    ["a bad filter reported as 500", psErrors(500, [32, "This filter does not exist."])],
    ["an HTML 404", { status: 404, body: "<html>Not found</html>" }],
  ])("never repeats %s", async (_what, reply) => {
    shop.handler = () => reply;
    await expect(client({ retries: 5 }).list("customers")).rejects.toThrow();
    expect(shop.seen).toHaveLength(1);
  });

  it("waits longer before each further retry", async () => {
    const times: number[] = [];
    shop.handler = () => {
      times.push(performance.now());
      return { status: 500 };
    };
    await expect(client({ retries: 3, retryDelayMs: 20, maxRetryDelayMs: 1000 }).list("customers")).rejects.toThrow(PrestashopServerError);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    // Equal jitter: at least half of 20, 40 and 80 ms (timers may fire a millisecond early).
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
  });
});

/** A list endpoint over the given customers, honouring the filters, sort and limit paging uses. */
function customersEndpoint(records: Array<{ id: number; date_upd: string }>): Handler {
  return (seen) => {
    let rows = records.slice();
    for (const [name, value] of seen.params) {
      const field = /^filter\[(\w+)\]$/.exec(name)?.[1];
      if (!field) continue;
      if ((field === "date_upd" || field === "date_add") && seen.params.get("date") !== "1") return psErrors(400, [32, "This filter does not exist."]);
      const key = field as "id" | "date_upd";
      const gt = /^>\[(.*)\]$/.exec(value);
      rows = rows.filter((row) => (gt ? String(row[key]).localeCompare(gt[1] ?? "", undefined, { numeric: true }) > 0 : String(row[key]) === value));
    }
    const sort = seen.params.get("sort");
    if (sort === "[date_upd_ASC,id_ASC]") rows.sort((a, b) => a.date_upd.localeCompare(b.date_upd) || a.id - b.id);
    else if (sort === "[id_ASC]") rows.sort((a, b) => a.id - b.id);
    else rows.reverse(); // no ORDER BY: any order may come back
    const [a, b] = (seen.params.get("limit") ?? "").split(",").map(Number);
    const page = b === undefined ? rows.slice(0, a) : rows.slice(a, (a ?? 0) + b);
    return page.length === 0 ? json([]) : json({ customers: page });
  };
}

describe("iterate", () => {
  const records = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, date_upd: "2024-01-01 00:00:00" }));

  it("pages on the last id seen, one page in memory at a time", async () => {
    shop.handler = customersEndpoint(records);
    const ids: number[] = [];
    for await (const record of client().iterate("customers")) ids.push(Number(record.id));
    expect(ids).toEqual(records.map((r) => r.id));
    expect(shop.seen.map((s) => [s.params.get("filter[id]"), s.params.get("limit"), s.params.get("sort")])).toEqual([
      [null, "100", "[id_ASC]"],
      [">[100]", "100", "[id_ASC]"],
      [">[200]", "100", "[id_ASC]"],
    ]);
  });

  it("resumes after a given id", async () => {
    shop.handler = customersEndpoint(records);
    const ids: number[] = [];
    for await (const record of client().iterate("customers", { afterId: 240, pageSize: 5, schema: customerSchema })) ids.push(record.id);
    expect(ids).toEqual([241, 242, 243, 244, 245, 246, 247, 248, 249, 250]);
    expect(shop.seen).toHaveLength(3); // 5, 5, then the empty page
  });

  it("pages with offsets under any other sort", async () => {
    shop.handler = customersEndpoint(records);
    let count = 0;
    for await (const _ of client().iterate("customers", { sort: "[id_DESC]", pageSize: 100 })) count++;
    expect(count).toBe(250);
    expect(shop.seen.map((s) => s.params.get("limit"))).toEqual(["0,100", "100,100", "200,100"]);
  });
});

describe("changedSince", () => {
  it("drains records sharing a time stamp by id, then moves on strictly after it", async () => {
    const records = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: i + 1, date_upd: "2024-01-01 09:00:00" })),
      ...Array.from({ length: 7 }, (_, i) => ({ id: 20 - i, date_upd: "2024-01-01 10:00:00" })),
      { id: 8, date_upd: "2024-01-01 11:00:00" },
    ];
    shop.handler = customersEndpoint(records);
    const seen: Array<[number, string]> = [];
    for await (const record of client().changedSince("customers", "2024-01-01 09:00:00", { afterId: 3, pageSize: 3 })) {
      seen.push([Number(record.id), String(record.date_upd)]);
    }
    expect(seen).toEqual([
      [4, "2024-01-01 09:00:00"],
      [5, "2024-01-01 09:00:00"],
      [6, "2024-01-01 09:00:00"],
      [7, "2024-01-01 09:00:00"],
      ...[14, 15, 16, 17, 18, 19, 20].map((id): [number, string] => [id, "2024-01-01 10:00:00"]),
      [8, "2024-01-01 11:00:00"],
    ]);
    expect(shop.seen.every((s) => s.params.get("date") === "1")).toBe(true);
  });

  it("refuses a time with an offset, which the shop cannot compare", async () => {
    await expect(client().changedSince("orders", "2024-01-01T10:00:00Z").next()).rejects.toThrow(PrestashopUsageError);
    expect(shop.seen).toHaveLength(0);
  });
});

describe("probe", () => {
  const statuses = (result: { steps: Array<{ id: string; status: string }> }) => Object.fromEntries(result.steps.map((s) => [s.id, s.status]));

  it("walks every step of a working connection", async () => {
    shop.handler = () => json([]);
    const result = await client().probe();
    expect(result.ok).toBe(true);
    expect(result.version).toBe("8.1.2");
    expect(result.steps.map((s) => s.id)).toEqual([
      "url", "reach", "webservice", "key",
      "customers", "addresses", "countries", "products", "orders", "order_states", "order_histories", "currencies", "configurations",
      "version",
    ]);
    expect(result.steps.every((s) => s.status === "ok")).toBe(true);
    expect(shop.seen.map((s) => s.path).sort()).toEqual(
      ["addresses", "configurations", "countries", "currencies", "customers", "order_histories", "order_states", "orders", "products"].map((r) => `/api/${r}`),
    );
    expect(shop.seen[0]?.params.get("display")).toBe("[id]");
    expect(shop.seen[0]?.params.get("limit")).toBe("1");
  });

  it("names each resource the key may not read", async () => {
    shop.handler = (seen) =>
      seen.path === "/api/orders" || seen.path === "/api/order_histories"
        ? psErrors(401, [26, "Resource of type \"x\" is not allowed with this authentication key"])
        : json([]);
    const result = await client().probe();
    expect(result.ok).toBe(false);
    expect(statuses(result)).toMatchObject({ key: "ok", customers: "ok", orders: "error", order_histories: "error", currencies: "ok", version: "ok" });
    expect(result.steps.find((s) => s.id === "orders")?.fix).toContain("tick View (GET) for orders");
  });

  it("stops at a refused key", async () => {
    shop.handler = () => psErrors(401, [20, "Authentification key is not active"], [21, "No permission for this authentication key"]);
    const result = await client().probe();
    expect(statuses(result)).toMatchObject({ url: "ok", reach: "ok", webservice: "ok", key: "error", customers: "skipped", version: "skipped" });
    expect(result.version).toBeNull();
    expect(shop.seen).toHaveLength(1);
  });

  it("stops at a disabled webservice", async () => {
    shop.handler = () => psErrors(503, [22, "The PrestaShop webservice is disabled."]);
    const result = await client().probe();
    expect(statuses(result)).toMatchObject({ reach: "ok", webservice: "error", key: "skipped" });
    expect(result.steps.find((s) => s.id === "webservice")?.fix).toContain("Enable PrestaShop's webservice");
  });

  it("stops at an unreachable shop without retrying", async () => {
    shop.handler = () => "hang";
    const result = await client({ timeoutMs: 50 }).probe();
    expect(statuses(result)).toMatchObject({ url: "ok", reach: "error", webservice: "skipped" });
    expect(shop.seen).toHaveLength(1);
  });

  it("tells a missing /api/ rewrite from a wrong address", async () => {
    const notFound: Reply = { status: 404, body: "<html>Page not found</html>", headers: { "content-type": "text/html" } };
    shop.handler = (seen) => (seen.path === "/webservice/dispatcher.php" && seen.params.get("url") === "customers" ? json([]) : notFound);
    const rewrite = await client().probe();
    const step = rewrite.steps.find((s) => s.id === "webservice");
    expect(step?.status).toBe("error");
    expect(step?.message).toBe(`The webservice answers at ${shop.url}webservice/dispatcher.php, but ${shop.url}api/ does not lead to it.`);

    shop.handler = () => notFound;
    const wrong = await client().probe();
    expect(wrong.steps.find((s) => s.id === "webservice")?.message).toBe("No PrestaShop webservice answers at this address (HTTP 404).");
  });

  it("warns when the answers lack PrestaShop's headers", async () => {
    shop.handler = () => ({ body: "[]", headers: { "content-type": "application/json" } });
    const bare = await client().probe();
    expect(bare.ok).toBe(true);
    expect(statuses(bare)).toMatchObject({ webservice: "warn", key: "ok", customers: "ok", version: "warn" });

    shop.handler = () => ({ body: "[]", headers: { "content-type": "application/json", "x-powered-by": "PrestaShop Webservice" } });
    expect(statuses(await client().probe())).toMatchObject({ webservice: "ok", version: "warn" });
  });
});
