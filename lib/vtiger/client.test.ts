/**
 * VtigerClient against a tiny in-process webservice.php stand-in. The stand-in mimics what the
 * client must cope with (reference §2/§4): per-method parameter reading, one challenge token per
 * user, sessions, HTTP 500 empty bodies, HTML pages. Protocol details beyond that are covered by
 * client.int.test.ts against the full sandbox.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VtigerClient, type VtigerClientOptions } from "./client";
import {
  VtigerApiError,
  VtigerHttpError,
  VtigerNetworkError,
  VtigerProtocolError,
  VtigerTimeoutError,
  VtigerUsageError,
} from "./errors";

const USER = "admin";
const KEY = "Ab3dEf6hIj9kLm2N";
const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fixture = (name: string): unknown =>
  (JSON.parse(readFileSync(new URL(`../../sandbox/vtiger/fixtures/${name}.json`, import.meta.url), "utf8")) as { result: unknown })
    .result;

interface Seen {
  httpMethod: string;
  operation: string;
  /** Parameters from the query string (GET) or the form body (POST), like PHP's $_GET/$_POST. */
  params: URLSearchParams;
  urlQuery: string;
  contentType: string;
}
type Reply = { status?: number; contentType?: string; body: string; headers?: Record<string, string> };
type Override = (seen: Seen) => Reply | "hang" | undefined;

const ok = (result: unknown): Reply => ({ body: JSON.stringify({ success: true, result }) });
const fail = (code: string | number, message: string): Reply => ({ body: JSON.stringify({ success: false, error: { code, message } }) });

class FakeVtiger {
  readonly seen: Seen[] = [];
  readonly sessions = new Set<string>();
  leads: Array<Record<string, string>> = [];
  accounts: string[] = [];
  isAdmin = "on";
  queryDelayMs = 0;
  /** Simulates another process calling getchallenge between our getchallenge and login, once. */
  stealNextToken = false;
  override: Override | undefined;
  authInFlight = 0;
  maxAuthInFlight = 0;
  maxBusyPerSession = 0;
  private token = "";
  private readonly busy = new Map<string, number>();
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeVtiger> {
    let fake!: FakeVtiger;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake = new FakeVtiger(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  calls(operation: string): Seen[] {
    return this.seen.filter((s) => s.operation === operation);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    let body = "";
    for await (const chunk of req) body += chunk;
    const params = req.method === "POST" ? new URLSearchParams(body) : url.searchParams;
    // vtiger reads operation and sessionName from $_REQUEST, everything else per method.
    const operation = url.searchParams.get("operation") ?? params.get("operation") ?? "";
    const seen: Seen = {
      httpMethod: req.method ?? "",
      operation,
      params,
      urlQuery: url.search,
      contentType: req.headers["content-type"] ?? "",
    };
    this.seen.push(seen);
    const override = this.override?.(seen);
    if (override === "hang") return;
    const reply = url.pathname !== "/webservice.php" ? { status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" } : (override ?? (await this.answer(seen)));
    res.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json", ...reply.headers });
    res.end(reply.body);
  }

  private async answer(seen: Seen): Promise<Reply> {
    const p = seen.params;
    const get = seen.httpMethod === "GET";
    if (seen.operation === "getchallenge") {
      if (p.get("username") !== USER) return fail("ACCESS_DENIED", "username does not exists");
      this.authInFlight++;
      this.maxAuthInFlight = Math.max(this.maxAuthInFlight, this.authInFlight);
      await sleep(5); // widen the window in which a second login could overlap
      this.token = randomBytes(7).toString("hex").slice(0, 13);
      return ok({ token: this.token, serverTime: 1, expireTime: 301 });
    }
    if (seen.operation === "login") {
      this.authInFlight--;
      if (get) return fail("INVALID_AUTH_TOKEN", "Specified token is invalid or expired");
      if (this.stealNextToken) {
        this.stealNextToken = false;
        this.token = "stolen";
      }
      if (p.get("accessKey") !== md5(this.token + KEY)) return fail("INVALID_USER_CREDENTIALS", "Invalid username or password");
      const sessionName = randomBytes(10).toString("hex");
      this.sessions.add(sessionName);
      return ok({ username: USER, is_admin: this.isAdmin, sessionName, userId: "19x1", version: "0.22", vtigerVersion: "8.2.0" });
    }
    if (seen.operation === "logout") return { status: 500, body: "" }; // PHP 8: "Unknown named parameter"
    const session = p.get("sessionName") ?? "";
    if (!session) return fail("AUTHENTICATION_REQUIRED", "Authencation required");
    if (!this.sessions.has(session)) return fail("INVALID_SESSIONID", "Session Identifier provided is Invalid");
    const busy = (this.busy.get(session) ?? 0) + 1;
    this.busy.set(session, busy);
    this.maxBusyPerSession = Math.max(this.maxBusyPerSession, busy);
    try {
      return await this.operation(seen, get);
    } finally {
      this.busy.set(session, (this.busy.get(session) ?? 1) - 1);
    }
  }

  private async operation(seen: Seen, get: boolean): Promise<Reply> {
    const p = seen.params;
    const denied = fail("ACCESS_DENIED", `Permission to perform the operation is denied for ${seen.operation}`);
    switch (seen.operation) {
      case "listtypes":
        return get ? ok(fixture("listtypes")) : denied;
      case "describe":
        if (!get) return denied;
        return p.get("elementType") === "Leads" ? ok(fixture("describe_Leads")) : fail("ACCESS_DENIED", `Permission to perform the operation is denied for name : ${p.get("elementType")}`);
      case "query": {
        if (!get) return denied;
        await sleep(this.queryDelayMs);
        const q = p.get("query") ?? "";
        if (!q.endsWith(";")) return fail("QUERY_SYNTAX_ERROR", "Syntax Error on line 1: token '' expected one of: SEMICOLON");
        if (/count\(\*\)/i.test(q)) return ok([{ count: String(this.leads.length) }]);
        const limit = /LIMIT (\d+), (\d+);$/.exec(q);
        const offset = Number(limit?.[1] ?? 0);
        return ok(this.leads.slice(offset, offset + Math.min(100, Number(limit?.[2] ?? 100))));
      }
      case "create": {
        if (get) return denied;
        const element = JSON.parse(p.get("element") ?? "null") as Record<string, string> | null;
        if (!element) return fail("MANDATORY_FIELDS_MISSING", "lastname does not have a value");
        if (p.get("elementType") === "Accounts") {
          if (this.accounts.includes(element.accountname?.toLowerCase() ?? "")) return fail(0, "Duplicate(s) detected!");
          this.accounts.push(element.accountname?.toLowerCase() ?? "");
        }
        return ok({ ...element, id: `10x${this.nextId++}` });
      }
      case "retrieve":
        return get ? ok({ id: p.get("id"), lastname: "Müller" }) : denied;
      case "revise":
      case "update":
        return get ? denied : ok(JSON.parse(p.get("element") ?? "{}"));
      case "delete":
        return get ? denied : ok({ status: "successful" });
      default:
        return { status: 500, body: "" }; // unknown operation: PHP fatal before webservice.php's try block
    }
  }
}

let fake: FakeVtiger;
const clients: VtigerClient[] = [];
const client = (options: Partial<VtigerClientOptions> = {}) => {
  const c = new VtigerClient({ url: fake.url, username: USER, accessKey: KEY, ...options });
  clients.push(c);
  return c;
};

beforeEach(async () => {
  fake = await FakeVtiger.start();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await fake.close();
});

describe("requests", () => {
  it("logs in with getchallenge (GET) and login (POST, md5 of token + key)", async () => {
    const info = await client().loginInfo();
    expect(info).toMatchObject({ userId: "19x1", vtigerVersion: "8.2.0", is_admin: "on", username: "admin" });
    expect(info).not.toHaveProperty("sessionName");
    const [challenge] = fake.calls("getchallenge");
    const [login] = fake.calls("login");
    expect(challenge?.httpMethod).toBe("GET");
    expect(login?.httpMethod).toBe("POST");
    expect(login?.contentType).toContain("application/x-www-form-urlencoded");
    expect(login?.params.get("accessKey")).toMatch(/^[0-9a-f]{32}$/);
    expect(login?.urlQuery).toBe("");
  });

  it("sends reads as GET and writes as form POST with the element JSON-encoded", async () => {
    const crm = client();
    await crm.query("SELECT * FROM Leads WHERE lastname = 'x';");
    await crm.describe("Leads");
    const created = await crm.create("Leads", { lastname: "Müller", firstname: "Jörg" });
    await crm.retrieve(created.id);
    await crm.revise({ id: created.id, company: "ACME" });
    await crm.update({ id: created.id, lastname: "Meier", assigned_user_id: "19x1" });
    await crm.delete(created.id);
    const methods = Object.fromEntries(fake.seen.map((s) => [s.operation, s.httpMethod]));
    expect(methods).toMatchObject({ query: "GET", describe: "GET", retrieve: "GET", create: "POST", revise: "POST", update: "POST", delete: "POST" });
    const create = fake.calls("create")[0];
    expect(create?.contentType).toContain("application/x-www-form-urlencoded");
    expect(create?.urlQuery).toBe("");
    expect(create?.params.get("elementType")).toBe("Leads");
    expect(JSON.parse(create?.params.get("element") ?? "")).toEqual({ lastname: "Müller", firstname: "Jörg" });
    expect(create?.params.get("sessionName")).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.calls("query")[0]?.params.get("query")).toBe("SELECT * FROM Leads WHERE lastname = 'x';");
  });

  it("adds a missing final semicolon to queries", async () => {
    await client().query("SELECT id FROM Leads");
    expect(fake.calls("query")[0]?.params.get("query")).toBe("SELECT id FROM Leads;");
  });

  it("reports every HTTP round trip to onCall", async () => {
    const ops: string[] = [];
    const crm = client({ onCall: (op, ms) => ops.push(`${op}:${ms >= 0}`) });
    await crm.query("SELECT id FROM Leads;");
    await expect(crm.create("Leads", {})).resolves.toBeDefined();
    expect(ops).toEqual(["getchallenge:true", "login:true", "query:true", "create:true"]);
  });

  it("caches describe per shared pool and parses it", async () => {
    const a = client();
    const b = client();
    const leads = await a.describe("Leads");
    expect(await b.describe("Leads")).toBe(leads);
    expect(leads.idPrefix).toBe("10");
    expect(leads.mandatoryFields.map((f) => f.name)).toEqual(["lastname", "assigned_user_id"]);
    expect(fake.calls("describe")).toHaveLength(1);
    await a.describe("Leads", { refresh: true });
    expect(fake.calls("describe")).toHaveLength(2);
  });

  it("pages queryAll with ORDER BY … LIMIT offset, 100", async () => {
    fake.leads = Array.from({ length: 250 }, (_, i) => ({ id: `10x${i + 1}`, lastname: `L${i}` }));
    const crm = client();
    const rows: string[] = [];
    for await (const row of crm.queryAll("SELECT id, lastname FROM Leads")) rows.push(row.id ?? "");
    expect(rows).toHaveLength(250);
    expect(new Set(rows).size).toBe(250);
    // Admin: the short third page is the last one.
    expect(fake.calls("query").map((s) => s.params.get("query"))).toEqual([
      "SELECT id, lastname FROM Leads ORDER BY id LIMIT 0, 100;",
      "SELECT id, lastname FROM Leads ORDER BY id LIMIT 100, 100;",
      "SELECT id, lastname FROM Leads ORDER BY id LIMIT 200, 100;",
    ]);
    expect(await crm.count("Leads")).toBe(250);
  });

  it("pages on until an empty page for non-admin users", async () => {
    fake.isAdmin = "off";
    fake.leads = Array.from({ length: 250 }, (_, i) => ({ id: `10x${i + 1}` }));
    let n = 0;
    for await (const row of client().queryAll("SELECT id FROM Leads", { orderBy: "modifiedtime" })) n += row.id ? 1 : 0;
    expect(n).toBe(250);
    expect(fake.calls("query")).toHaveLength(4);
    expect(fake.calls("query")[0]?.params.get("query")).toBe("SELECT id FROM Leads ORDER BY modifiedtime LIMIT 0, 100;");
  });

  it("refuses bad input before sending anything", async () => {
    const crm = client();
    await expect(crm.retrieve("6xArray")).rejects.toThrow(VtigerUsageError);
    await expect(crm.describe("leads; x")).rejects.toThrow(VtigerUsageError);
    await expect(crm.queryAll("SELECT id FROM Leads LIMIT 5").next()).rejects.toThrow(VtigerUsageError);
    await expect(crm.queryAll("SELECT id FROM Leads;").next()).rejects.toThrow(VtigerUsageError);
    await expect(crm.queryAll("SELECT id FROM Leads", { orderBy: "id; DROP" }).next()).rejects.toThrow(VtigerUsageError);
    // A keyword inside a quoted value is data, not a clause.
    await expect(crm.queryAll("SELECT id FROM Leads WHERE company = 'Limit Ltd'").next()).resolves.toBeDefined();
    expect(fake.calls("retrieve")).toHaveLength(0);
  });
});

describe("answers that are not vtiger JSON", () => {
  it("HTTP 500 with an empty body", async () => {
    fake.override = (s) => (s.operation === "create" ? { status: 500, body: "" } : undefined);
    const err = await client().create("Leads", { lastname: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VtigerHttpError);
    expect(err).toMatchObject({ status: 500, emptyBody: true, transient: true, operation: "create" });
    expect((err as Error).message).toBe("The CRM answered HTTP 500 with an empty body (a PHP crash on the server) during create");
  });

  it("vtiger's HTML restricted-file page", async () => {
    fake.override = (s) =>
      s.operation === "create" ? { contentType: "text/html; charset=UTF-8", body: "Sorry! Attempt to access restricted file." } : undefined;
    const err = await client().create("Leads", { lastname: "x", assigned_user_id: "19x99" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VtigerProtocolError);
    expect(err).toMatchObject({ problem: "html", isRestrictedFile: true, transient: false });
    expect((err as Error).message).toContain("HTML page, not JSON");
  });

  it("an empty 200 answer is transient, JSON of the wrong shape names the problem", async () => {
    fake.override = (s) => (s.operation === "query" ? { body: "" } : s.operation === "listtypes" ? ok({ types: "Leads" }) : undefined);
    const crm = client();
    await expect(crm.query("SELECT id FROM Leads;")).rejects.toMatchObject({ problem: "empty", transient: true });
    const err = await crm.listTypes().catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: "unexpected-json" });
    expect((err as Error).message).toContain("types");
  });

  it("tolerates PHP notices printed before the JSON", async () => {
    fake.override = (s) =>
      s.operation === "query" ? { body: `\uFEFF<br />\n<b>Deprecated</b>: Creation of dynamic property in x.php<br />\n{"success":true,"result":[{"id":"10x1"}]}` } : undefined;
    await expect(client().query("SELECT id FROM Leads;")).resolves.toEqual([{ id: "10x1" }]);
  });

  it("a URL that is not vtiger (404) and a redirect", async () => {
    await expect(client({ url: `${fake.url}crm/` }).loginInfo()).rejects.toMatchObject({ status: 404 });
    fake.override = () => ({ status: 301, body: "", headers: { location: "https://crm.example.com/webservice.php?operation=getchallenge&username=admin" } });
    await expect(client().loginInfo()).rejects.toMatchObject({ status: 301, location: "https://crm.example.com/" });
  });

  it("never puts the access key, login hash or session name into messages", async () => {
    const crm = client();
    await crm.loginInfo();
    const [session] = [...fake.sessions];
    fake.override = (s) =>
      s.operation === "create"
        ? { contentType: "text/html", body: `<b>Fatal</b> sessionName=${s.params.get("sessionName")} key=${KEY}` }
        : s.operation === "query"
          ? fail("DATABASE_QUERY_ERROR", `bad session ${s.params.get("sessionName")}`)
          : undefined;
    const errors = [await crm.create("Leads", {}).catch((e: unknown) => e), await crm.query("SELECT id FROM Leads;").catch((e: unknown) => e)];
    for (const err of errors) {
      expect(err).toBeInstanceOf(Error);
      const text = JSON.stringify({ message: (err as Error).message, ...(err as object) });
      expect(text).not.toContain(session);
      expect(text).not.toContain(KEY);
      expect(text).toContain("[redacted]");
    }
  });
});

describe("errors", () => {
  it("maps duplicate prevention (code 0) to DUPLICATE", async () => {
    const crm = client();
    await crm.create("Accounts", { accountname: "ACME GmbH" });
    const err = await crm.create("Accounts", { accountname: "acme gmbh" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VtigerApiError);
    expect(err).toMatchObject({ code: "DUPLICATE", rawCode: 0, module: "Accounts", transient: false });
  });

  it("times out a call that gets no answer, then carries on", async () => {
    const crm = client({ timeoutMs: 200 });
    await crm.loginInfo();
    fake.override = (s) => (s.operation === "query" ? "hang" : undefined);
    const started = Date.now();
    const err = await crm.query("SELECT id FROM Leads;").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VtigerTimeoutError);
    expect(err).toMatchObject({ transient: true, operation: "query", timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    fake.override = undefined;
    await expect(crm.query("SELECT id FROM Leads;")).resolves.toEqual([]);
  });

  it("reports a refused connection as a network error", async () => {
    const url = fake.url;
    await fake.close();
    const err = await new VtigerClient({ url, username: USER, accessKey: KEY }).loginInfo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VtigerNetworkError);
    expect(err).toMatchObject({ causeCode: "ECONNREFUSED", transient: true, operation: "getchallenge" });
    fake = await FakeVtiger.start(); // for afterEach
  });

  it("unknown user and wrong key", async () => {
    await expect(client({ username: "nobody" }).loginInfo()).rejects.toMatchObject({ code: "ACCESS_DENIED", operation: "getchallenge" });
    await expect(client({ accessKey: "wrong" }).loginInfo()).rejects.toMatchObject({ code: "INVALID_USER_CREDENTIALS", operation: "login" });
  });

  it("a wrong key fails all waiting calls after one login (plus one re-challenge), not one login each", async () => {
    const crm = client({ accessKey: "wrong" });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => crm.query("SELECT id FROM Leads;")));
    expect(results.every((r) => r.status === "rejected" && (r.reason as VtigerApiError).code === "INVALID_USER_CREDENTIALS")).toBe(true);
    expect(fake.calls("login")).toHaveLength(2);
  });

  it("close() never throws (logout crashes on PHP 8) and later calls are refused", async () => {
    const crm = new VtigerClient({ url: fake.url, username: USER, accessKey: KEY });
    await crm.query("SELECT id FROM Leads;");
    await expect(crm.close()).resolves.toBeUndefined();
    expect(fake.calls("logout")).toHaveLength(1);
    await expect(crm.query("SELECT id FROM Leads;")).rejects.toThrow(VtigerUsageError);
  });
});

describe("sessions", () => {
  it("renews an invalid session transparently and retries once", async () => {
    const crm = client();
    await crm.query("SELECT id FROM Leads;");
    fake.sessions.clear(); // server restart / session cleanup
    await expect(crm.query("SELECT id FROM Leads;")).resolves.toEqual([]);
    expect(fake.calls("login")).toHaveLength(2);
    expect(fake.calls("query")).toHaveLength(3);
  });

  it("gives up when the renewed session is refused too", async () => {
    const crm = client();
    await crm.loginInfo();
    fake.override = (s) => (s.operation === "query" ? fail("SESSION_EXPIRED", "Session expired") : undefined);
    await expect(crm.query("SELECT id FROM Leads;")).rejects.toMatchObject({ code: "SESSION_EXPIRED", transient: true });
    expect(fake.calls("query")).toHaveLength(2);
  });

  it("does not retry on another dead idle session after a server-side wipe", async () => {
    fake.queryDelayMs = 100; // long enough that all four calls need their own session
    const crm = client({ poolSize: 4 });
    await Promise.all(Array.from({ length: 4 }, () => crm.query("SELECT id FROM Leads;")));
    expect(fake.calls("login")).toHaveLength(4);
    fake.sessions.clear();
    await expect(crm.query("SELECT id FROM Leads;")).resolves.toEqual([]);
    expect(fake.calls("login")).toHaveLength(5);
  });

  it("never runs two logins at once and never two requests on one session (pool 4, 20 calls)", async () => {
    fake.queryDelayMs = 30;
    const crm = client({ poolSize: 4 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => crm.query(`SELECT id FROM Leads WHERE id = '10x${i}';`)));
    expect(results).toHaveLength(20);
    expect(fake.maxAuthInFlight).toBe(1);
    expect(fake.calls("getchallenge")).toHaveLength(4);
    expect(fake.calls("login")).toHaveLength(4);
    expect(fake.maxBusyPerSession).toBe(1);
    expect(new Set(fake.calls("query").map((s) => s.params.get("sessionName"))).size).toBe(4);
  });

  it("shares sessions between clients of the same CRM, user and key", async () => {
    fake.queryDelayMs = 10;
    const a = client({ poolSize: 2 });
    const b = client({ poolSize: 2, url: `${fake.url}webservice.php` });
    await Promise.all([a.query("SELECT id FROM Leads;"), b.query("SELECT id FROM Leads;")]);
    await Promise.all([a.query("SELECT id FROM Leads;"), b.query("SELECT id FROM Leads;"), a.query("SELECT id FROM Leads;")]);
    expect(fake.calls("login")).toHaveLength(2);
    expect(fake.maxAuthInFlight).toBe(1);
    // Another key for the same user gets its own pool, but its login still waits for ours.
    await Promise.allSettled([client({ accessKey: "other" }).loginInfo(), client({ poolSize: 3 }).query("SELECT id FROM Leads;")]);
    expect(fake.maxAuthInFlight).toBe(1);
  });

  it("re-challenges once when another process replaced the token", async () => {
    fake.stealNextToken = true;
    await expect(client().query("SELECT id FROM Leads;")).resolves.toEqual([]);
    expect(fake.calls("getchallenge")).toHaveLength(2);
    expect(fake.calls("login")).toHaveLength(2);
  });
});
