/**
 * PrestashopClient over real HTTP against the PrestaShop sandbox (sandbox/prestashop), which
 * speaks the webservice's wire protocol across versions 1.6 → 9: paging a large shop, every error
 * class, the version-dependent shapes, and the probe.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "../../sandbox/prestashop/server";
import { VERSION_TRAITS } from "../../sandbox/prestashop/versions";
import { PrestashopClient, type PrestashopClientOptions } from "./client";
import {
  describePrestashopError,
  PrestashopAuthError,
  PrestashopDisabledError,
  PrestashopNotFoundError,
  PrestashopPermissionError,
  PrestashopProtocolError,
  PrestashopRequestError,
  PrestashopServerError,
  PrestashopTimeoutError,
} from "./errors";
import { eq } from "./filter";
import { customerSchema, orderSchema, pickLanguage, productSchema, type PrestashopRecord } from "./schemas";

const VERSIONS = ["1.6", "1.7", "8", "9"] as const;

/** Counts webservice round trips and the records each answer carried. */
function countingFetch(resource: string) {
  const pages: number[] = [];
  const counted: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = (await response.clone().json()) as unknown;
    pages.push(Array.isArray(body) ? body.length : ((body as Record<string, unknown[]>)[resource]?.length ?? 0));
    return response;
  };
  return { pages, fetch: counted };
}

describe("a large shop", () => {
  let sandbox: PrestashopSandbox;
  beforeAll(async () => {
    sandbox = await startPrestashopSandbox({ customers: 2500 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it("iterates 2,500 customers page by page, holding one page at a time", async () => {
    const counter = countingFetch("customers");
    const client = new PrestashopClient({ url: sandbox.url, key: sandbox.key, fetch: counter.fetch });
    const customers = client.iterate("customers", { schema: customerSchema });

    const first = await customers.next();
    expect(first.value?.id).toBe(1);
    expect(counter.pages).toEqual([100]); // nothing read ahead

    let count = 1;
    let lastId = first.value?.id ?? 0;
    for await (const customer of customers) {
      expect(customer.id).toBeGreaterThan(lastId);
      expect(customer).not.toHaveProperty("passwd");
      lastId = customer.id;
      count++;
    }
    expect(count).toBe(2500);
    expect(count).toBe(sandbox.control.state().counts.customers);
    // 25 full pages, then the empty one that ends the list.
    expect(counter.pages).toHaveLength(26);
    expect(Math.max(...counter.pages)).toBeLessThanOrEqual(100);
  });

  it("pages with offsets under another sort", async () => {
    const counter = countingFetch("customers");
    const client = new PrestashopClient({ url: sandbox.url, key: sandbox.key, fetch: counter.fetch });
    const ids: number[] = [];
    for await (const customer of client.iterate("customers", { sort: "[id_DESC]", pageSize: 500, display: ["id", "email"] })) {
      ids.push(Number(customer.id));
    }
    expect(ids).toHaveLength(2500);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(counter.pages).toEqual([500, 500, 500, 500, 500, 0]);
  });

  it("finds exactly the customers changed after a cursor, ties of a bulk update included", async () => {
    // A bulk import stamps many rows with the same second: more than a page of ties.
    const bulk = "2024-06-01 12:00:00";
    for (let id = 1000; id < 1130; id++) sandbox.control.shop.table("customers").update(id, { date_upd: bulk });
    const client = new PrestashopClient({ url: sandbox.url, key: sandbox.key });
    const all = await client.list("customers", { display: ["id", "date_upd"] });
    const byCursor = (a: PrestashopRecord, b: PrestashopRecord) => String(a.date_upd).localeCompare(String(b.date_upd)) || Number(a.id) - Number(b.id);
    const sorted = [...all].sort(byCursor);
    const changedAfter = async (cursor: PrestashopRecord) => {
      const seen: unknown[] = [];
      for await (const customer of client.changedSince("customers", String(cursor.date_upd), { afterId: Number(cursor.id), pageSize: 50 })) {
        seen.push(customer.id);
      }
      return seen;
    };

    const beforeBulk = sorted.filter((c) => String(c.date_upd) < bulk).at(-1);
    const insideBulk = sorted.find((c) => c.id === 1050);
    for (const cursor of [beforeBulk, insideBulk, sorted[0]]) {
      if (!cursor) throw new Error("the sandbox's customers are not spread as expected");
      const expected = sorted.filter((c) => byCursor(c, cursor) > 0).map((c) => c.id);
      expect(expected.length).toBeGreaterThan(100);
      expect(await changedAfter(cursor)).toEqual(expected);
    }
  });
});

describe("a shop of each version", () => {
  let sandbox: PrestashopSandbox;
  const client = (options: Partial<PrestashopClientOptions> = {}) =>
    new PrestashopClient({ url: sandbox.url, key: sandbox.key, retryDelayMs: 1, maxRetryDelayMs: 5, ...options });

  beforeAll(async () => {
    sandbox = await startPrestashopSandbox();
  });
  beforeEach(() => {
    sandbox.control.reset();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  describe("errors", () => {
    it("no key: the shop did not receive it", async () => {
      const withoutAuthorization: typeof fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete("authorization");
        return fetch(input, { ...init, headers });
      };
      const err = await client({ fetch: withoutAuthorization }).list("customers").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopAuthError);
      expect(err).toMatchObject({ problem: "not-received", status: 401 });
      expect(describePrestashopError(err).fix).toContain("Enable CGI mode for PHP");
    });

    it("wrong key", async () => {
      const err = await client({ key: "WRONGKEY0123456789ABCDEFGHIJKLMN" }).list("customers").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopAuthError);
      expect(err).toMatchObject({ problem: "rejected", code: 20, version: undefined });
      expect(describePrestashopError(err).message).toBe("The shop does not accept this webservice key (unknown or disabled).");
    });

    it("a key without any permission", async () => {
      sandbox.control.configure({ keys: { [sandbox.key]: { permissions: {} } } });
      const err = await client().list("customers").catch((e: unknown) => e);
      expect(err).toMatchObject({ constructor: PrestashopAuthError, code: 21 });
      expect(describePrestashopError(err).message).toBe("The webservice key is accepted but may not read anything.");
    });

    it("a resource the key may not read", async () => {
      sandbox.control.configure({ keys: { [sandbox.key]: { permissions: { customers: ["GET"] } } } });
      expect(await client().list("customers", { limit: 1 })).toHaveLength(1);
      const err = await client().getOrder(1).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopPermissionError);
      expect(err).toMatchObject({ problem: "resource", resource: "orders", code: 26 });
      expect(describePrestashopError(err)).toMatchObject({
        message: "The webservice key may not read orders.",
        fix: expect.stringContaining("tick View (GET) for orders"),
      });
    });

    it("webservice disabled", async () => {
      sandbox.control.configure({ webserviceEnabled: false });
      const requests: string[] = [];
      const err = await client({ onRequest: (resource) => requests.push(resource) }).list("customers").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopDisabledError);
      expect(err).toMatchObject({ status: 503, code: 22, transient: false });
      expect(requests).toHaveLength(1);
      expect(describePrestashopError(err).fix).toContain("Enable PrestaShop's webservice");
    });

    it("HTTP 500: retried, then reported", async () => {
      sandbox.control.configure({ failureRate: 1 });
      const requests: string[] = [];
      const err = await client({ retries: 2, onRequest: (resource) => requests.push(resource) }).getCustomer(1).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopServerError);
      expect(err).toMatchObject({ status: 500, transient: true });
      expect(requests).toEqual(["customers", "customers", "customers"]);
    });

    it("occasional HTTP 500s are retried away", async () => {
      sandbox.control.configure({ failureRate: 0.3, seed: 7 });
      const requests: string[] = [];
      let count = 0;
      for await (const _ of client({ retries: 6, onRequest: (resource) => requests.push(resource) }).iterate("customers", { pageSize: 20 })) count++;
      expect(count).toBe(sandbox.control.state().counts.customers);
      expect(requests.length).toBeGreaterThan(count / 20 + 1);
    });

    it("timeout", async () => {
      sandbox.control.configure({ latencyMs: 300 });
      const err = await client({ timeoutMs: 100, retries: 0 }).list("customers").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopTimeoutError);
      expect(err).toMatchObject({ transient: true, timeoutMs: 100 });
    });

    it("an address where no webservice answers", async () => {
      const err = await client({ url: `${sandbox.url}shop/` }).list("customers").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopProtocolError);
      expect(err).toMatchObject({ status: 404, transient: false });
      expect(describePrestashopError(err).message).toBe("No PrestaShop webservice answers at this address (HTTP 404).");
    });

    it("an HTML page instead of the webservice", async () => {
      // The web server's own 404 page for /api/ (nginx without PrestaShop's rewrite rule); the dispatcher still answers.
      const noRewrite: typeof fetch = (input, init) =>
        String(input).includes("/api/")
          ? Promise.resolve(new Response("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>", { status: 404, headers: { "content-type": "text/html" } }))
          : fetch(input, init);
      const err = await client({ fetch: noRewrite }).list("customers").catch((e: unknown) => e);
      expect(err).toMatchObject({ constructor: PrestashopProtocolError, problem: "html", status: 404, excerpt: "404 Not Found Not Found" });

      const probe = await client({ fetch: noRewrite }).probe();
      expect(probe.steps.find((s) => s.id === "webservice")).toMatchObject({
        status: "error",
        message: `The webservice answers at ${sandbox.url}webservice/dispatcher.php, but ${sandbox.url}api/ does not lead to it.`,
      });
    });

    it("an unknown id", async () => {
      await expect(client().getCustomer(999_999)).rejects.toMatchObject({ constructor: PrestashopNotFoundError, resource: "customers", id: 999_999 });
    });

    it.each(VERSIONS)("a bad filter on %s is a request error, even as HTTP 500, and not retried", async (version) => {
      sandbox.control.configure({ version });
      const requests: string[] = [];
      const err = await client({ onRequest: (resource) => requests.push(resource) })
        .list("customers", { filter: { no_such_field: eq(1) } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrestashopRequestError);
      expect(err).toMatchObject({ code: 32, status: version === "1.6" ? 400 : 500 });
      expect(requests).toHaveLength(1);
    });
  });

  describe("shapes", () => {
    it.each(VERSIONS)("order rows of %s", async (version) => {
      sandbox.control.configure({ version });
      const order = await client().getOrder(1);
      const details = await client().list("order_details", { display: ["id", "id_order"], filter: { id_order: 1 }, sort: "[id_ASC]" });
      expect(order.associations.order_rows.length).toBe(details.length);
      const ids = order.associations.order_rows.map((row) => row.id);
      // 1.6 rows carry no id; from 1.7 on it is the order_detail id.
      expect(ids).toEqual(version === "1.6" ? details.map(() => null) : details.map((d) => Number(d.id)));
      for (const row of order.associations.order_rows) {
        expect(row.product_id).toBeGreaterThan(0);
        expect(row.product_quantity).toBeGreaterThan(0);
        expect(row.unit_price_tax_excl).toBeGreaterThan(0);
      }
    });

    it.each(VERSIONS)("a single record of %s reads the same as the full list row", async (version) => {
      sandbox.control.configure({ version });
      const [unvalidated] = await client().list("orders", { display: ["id"], filter: { valid: 0 }, limit: 1 });
      const orderId = Number(unvalidated?.id);
      const raw = await client().get("orders", orderId);
      // 8.x and 9.x drop falsy fields from detail views (reference §6.3).
      expect("valid" in raw).toBe(version === "1.6" || version === "1.7");

      const typed = <S extends { in: { shape: object } }>(schema: S, record: object) =>
        Object.fromEntries(Object.keys(schema.in.shape).map((key) => [key, (record as Record<string, unknown>)[key]]));
      const [listed] = await client().list("orders", { schema: orderSchema, filter: { id: orderId } });
      const detail = await client().getOrder(orderId);
      expect(typed(orderSchema, detail)).toEqual(typed(orderSchema, listed ?? {}));
      expect(detail).toMatchObject({ valid: false, invoice_number: 0, invoice_date: null });

      for (const id of [1, 2, 3]) {
        const [row] = await client().list("customers", { schema: customerSchema, filter: { id } });
        expect(typed(customerSchema, await client().getCustomer(id))).toEqual(typed(customerSchema, row ?? {}));
      }
    });

    it("multilingual fields with one or two languages", async () => {
      sandbox.control.configure({ languages: 2 });
      const bilingual = await client().getProduct(1);
      expect(Array.isArray(bilingual.name)).toBe(true);
      const english = pickLanguage(bilingual.name, 1);
      expect(english).not.toBe("");

      sandbox.control.configure({ languages: 1 });
      const single = await client().getProduct(1);
      expect(single.name).toBe(english);
      const [listed] = await client().list("products", { schema: productSchema, filter: { id: 1 } });
      expect(pickLanguage(listed?.name ?? "", 1)).toBe(english);
    });

    it("the data the sync rules need", async () => {
      const states = await client().listOrderStates();
      const config = await client().configuration(["PS_OS_PAYMENT", "PS_OS_CANCELED", "PS_OS_ERROR", "PS_OS_REFUND"]);
      expect(Object.keys(config).sort()).toEqual(["PS_OS_CANCELED", "PS_OS_ERROR", "PS_OS_PAYMENT", "PS_OS_REFUND"]);
      const paymentAccepted = states.find((s) => s.id === Number(config.PS_OS_PAYMENT));
      expect(paymentAccepted).toMatchObject({ paid: true, logable: true });

      const currencies = await client().listCurrencies();
      expect(currencies.map((c) => c.iso_code)).toContain("EUR");

      const order = await client().getOrder(1);
      const history = await client().orderHistories(1);
      expect(history.at(-1)?.id_order_state).toBe(order.current_state);
      const address = await client().firstAddressOf(order.id_customer);
      expect(address?.id_customer).toBe(order.id_customer);
      expect((await client().getCountry(address?.id_country ?? 0)).iso_code).toMatch(/^[A-Z]{2}$/);
    });
  });

  describe("probe", () => {
    it.each(VERSIONS)("a working %s shop", async (version) => {
      sandbox.control.configure({ version });
      const result = await client().probe();
      expect(result.ok).toBe(true);
      expect(result.version).toBe(VERSION_TRAITS[version].release);
      expect(result.steps.every((s) => s.status === "ok")).toBe(true);
      expect(result.steps.map((s) => s.id)).toEqual([
        "url", "reach", "webservice", "key",
        "customers", "addresses", "countries", "products", "orders", "order_states", "order_histories", "currencies", "configurations",
        "version",
      ]);
    });

    it("resources the key may not read", async () => {
      sandbox.control.configure({
        keys: { [sandbox.key]: { permissions: { customers: ["GET"], addresses: ["GET"], products: ["GET"], currencies: ["GET"] } } },
      });
      const result = await client().probe();
      expect(result.ok).toBe(false);
      const status = Object.fromEntries(result.steps.map((s) => [s.id, s.status]));
      expect(status).toMatchObject({ key: "ok", customers: "ok", orders: "error", order_states: "error", configurations: "error", countries: "error", version: "ok" });
      expect(result.steps.find((s) => s.id === "order_histories")?.fix).toContain("tick View (GET) for order_histories");
    });

    it("a wrong key, a disabled webservice, an unreachable shop", async () => {
      const statusOf = (result: { steps: Array<{ id: string; status: string }> }) => Object.fromEntries(result.steps.map((s) => [s.id, s.status]));
      expect(statusOf(await client({ key: "WRONGKEY0123456789ABCDEFGHIJKLMN" }).probe())).toMatchObject({
        webservice: "ok",
        key: "error",
        customers: "skipped",
        version: "skipped",
      });
      sandbox.control.configure({ webserviceEnabled: false });
      expect(statusOf(await client().probe())).toMatchObject({ reach: "ok", webservice: "error", key: "skipped" });
      sandbox.control.configure({ webserviceEnabled: true, latencyMs: 300 });
      expect(statusOf(await client({ timeoutMs: 100 }).probe())).toMatchObject({ url: "ok", reach: "error", webservice: "skipped" });
    });
  });
});
