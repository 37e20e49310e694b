/**
 * VtigerClient against the vtiger 8.2 sandbox (sandbox/vtiger) over real HTTP: sessions, paging,
 * every error class and injected faults. Each test gets a fresh sandbox on its own port, so the
 * process-wide session pools (keyed by URL) never leak between tests.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startVtigerSandbox, type VtigerSandbox } from "../../sandbox/vtiger/server";
import { VtigerClient, type VtigerClientOptions } from "./client";
import {
  describeVtigerError,
  VtigerApiError,
  VtigerHttpError,
  VtigerProtocolError,
  VtigerTimeoutError,
} from "./errors";
import { recordText } from "./schemas";
import { chunk, vtql } from "./vtql";

const SALES = { username: "sales", accessKey: "salesAccessKey16" };

let sandbox: VtigerSandbox;
const clients: VtigerClient[] = [];
const client = (options: Partial<VtigerClientOptions> = {}) => {
  const c = new VtigerClient({ url: sandbox.url, username: sandbox.username, accessKey: sandbox.accessKey, ...options });
  clients.push(c);
  return c;
};
const calls = (op: string) => sandbox.control.stats().calls[op] ?? 0;
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err);

beforeEach(async () => {
  sandbox = await startVtigerSandbox({ users: { sales: SALES } });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await sandbox.close();
});

describe("sessions", () => {
  it("logs in and reads the login result and metadata", async () => {
    const crm = client();
    expect(await crm.loginInfo()).toMatchObject({ userId: "19x1", vtigerVersion: "8.2.0", is_admin: "on", username: "admin" });
    const leads = await crm.describe("Leads");
    expect(leads.idPrefix).toBe("10");
    expect(leads.mandatoryFields.map((f) => f.name)).toEqual(expect.arrayContaining(["lastname", "assigned_user_id"]));
    expect((await crm.listTypes()).types).toContain("SalesOrder");
    expect((await client({ ...SALES }).loginInfo()).is_admin).toBe("off");
  });

  it("renews sessions silently after expireAllSessions", async () => {
    const crm = client();
    await crm.query("SELECT id FROM Leads;");
    sandbox.control.expireAllSessions();
    await expect(crm.query("SELECT id FROM Leads;")).resolves.toEqual([]);
    expect(calls("login")).toBe(2);
    expect(calls("query")).toBe(3);
  });

  it("renews sessions that were left idle", async () => {
    sandbox.control.configure({ sessionIdleMs: 100 });
    const crm = client();
    await crm.create("Leads", { lastname: "Idle", assigned_user_id: "19x1" });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const created = await crm.create("Leads", { lastname: "Awake", assigned_user_id: "19x1" });
    expect(created.id).toMatch(/^10x\d+$/);
    expect(calls("login")).toBe(2);
    expect(sandbox.control.records("Leads").map((r) => r.fields.lastname)).toEqual(["Idle", "Awake"]);
  });

  it("opens at most poolSize sessions, one login at a time", async () => {
    sandbox.control.configure({ latencyMs: 20 });
    const crm = client({ poolSize: 4 });
    const results = await Promise.all(Array.from({ length: 20 }, () => crm.query("SELECT id FROM Leads;")));
    expect(results).toHaveLength(20);
    expect(calls("getchallenge")).toBe(4);
    expect(calls("login")).toBe(4);
  });
});

describe("data", () => {
  it("pages past 100 rows: 250 Leads in three queries", async () => {
    const crm = client();
    const { userId } = await crm.loginInfo();
    for (const batch of chunk(Array.from({ length: 250 }, (_, i) => i), 25)) {
      await Promise.all(batch.map((i) => crm.create("Leads", { lastname: `Lead ${i}`, assigned_user_id: userId })));
    }
    sandbox.control.resetStats();
    const ids = new Set<string>();
    for await (const row of crm.queryAll("SELECT id, lastname FROM Leads")) ids.add(row.id ?? "");
    expect(ids.size).toBe(250);
    expect(calls("query")).toBe(3);
    expect(await crm.count("Leads")).toBe(250);
    expect(await crm.count("Leads", vtql`lastname IN ${["Lead 1", "Lead 2", "nobody"]}`)).toBe(2);
  });

  it("pages a non-admin user's rows until an empty page", async () => {
    const sales = client({ ...SALES });
    const { userId } = await sales.loginInfo();
    await Promise.all(Array.from({ length: 150 }, (_, i) => sales.create("Leads", { lastname: `Mine ${i}`, assigned_user_id: userId })));
    sandbox.control.resetStats();
    let n = 0;
    for await (const row of sales.queryAll("SELECT id FROM Leads", { orderBy: "lastname" })) n += row.id ? 1 : 0;
    expect(n).toBe(150);
    expect(calls("query")).toBe(3);
  });

  it("round-trips quotes and umlauts through create and a vtql lookup", async () => {
    const crm = client();
    const created = await crm.create("Leads", { lastname: "O'Brien", firstname: "Jörg", assigned_user_id: "19x1" });
    const rows = await crm.query(vtql`SELECT id, firstname FROM Leads WHERE lastname = ${"O'Brien"};`);
    expect(rows).toEqual([{ id: created.id, firstname: "Jörg" }]);
    const revised = await crm.revise({ id: created.id, company: "ACME & Co" });
    expect(recordText(revised, "company")).toBe("ACME & Co");
    expect(recordText(await crm.retrieve(created.id), "lastname")).toBe("O'Brien");
    await crm.delete(created.id);
    await expect(crm.retrieve(created.id)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });
});

describe("errors", () => {
  it("ACCESS_DENIED for a module the user may not use", async () => {
    sandbox.control.setModulePermission("sales", "Leads", { create: false, update: false, delete: false, retrieve: false });
    const err = await failure(client({ ...SALES }).describe("Leads"));
    expect(err).toBeInstanceOf(VtigerApiError);
    expect(err).toMatchObject({ code: "ACCESS_DENIED", module: "Leads", transient: false });
    expect(describeVtigerError(err).message).toContain("may not use module Leads");
  });

  it("INVALID_USER_CREDENTIALS for a wrong access key (after one re-challenge)", async () => {
    const err = await failure(client({ accessKey: "wrongKey" }).loginInfo());
    expect(err).toMatchObject({ code: "INVALID_USER_CREDENTIALS", operation: "login", transient: false });
    expect(describeVtigerError(err).message).toBe("The user name or access key is wrong.");
    expect(calls("getchallenge")).toBe(2);
  });

  it("QUERY_SYNTAX_ERROR", async () => {
    const err = await failure(client().query("SELECT id FROM Leads WHERE lastname = ;"));
    expect(err).toMatchObject({ code: "QUERY_SYNTAX_ERROR", operation: "query" });
  });

  it("MANDATORY_FIELDS_MISSING", async () => {
    const err = await failure(client().create("Leads", { firstname: "No last name", assigned_user_id: "19x1" }));
    expect(err).toMatchObject({ code: "MANDATORY_FIELDS_MISSING", module: "Leads", transient: false });
    expect((err as VtigerApiError).vtigerMessage).toContain("lastname");
  });

  it("DUPLICATE for a second account with the same name (numeric code 0)", async () => {
    const crm = client();
    await crm.create("Accounts", { accountname: "ACME GmbH", assigned_user_id: "19x1" });
    const err = await failure(crm.create("Accounts", { accountname: "acme gmbh", assigned_user_id: "19x1" }));
    expect(err).toMatchObject({ code: "DUPLICATE", rawCode: 0, module: "Accounts" });
  });

  it("the HTML page for an owner that does not exist", async () => {
    const err = await failure(client().create("Leads", { lastname: "X", assigned_user_id: "19x99" }));
    expect(err).toBeInstanceOf(VtigerProtocolError);
    expect(err).toMatchObject({ problem: "html", isRestrictedFile: true });
  });

  it("HTTP 500 with an empty body before the write, and after it", async () => {
    const crm = client();
    await crm.loginInfo();
    sandbox.control.configure({ failBeforeWrite: 1 });
    const before = await failure(crm.create("Leads", { lastname: "Lost", assigned_user_id: "19x1" }));
    expect(before).toBeInstanceOf(VtigerHttpError);
    expect(before).toMatchObject({ status: 500, emptyBody: true, transient: true });
    expect((before as Error).message).toBe("The CRM answered HTTP 500 with an empty body (a PHP crash on the server) during create");
    expect(sandbox.control.records("Leads")).toHaveLength(0);
    sandbox.control.configure({ failBeforeWrite: 0, failAfterWrite: 1 });
    await expect(crm.create("Leads", { lastname: "Stored", assigned_user_id: "19x1" })).rejects.toMatchObject({ status: 500 });
    expect(sandbox.control.records("Leads")).toHaveLength(1);
  });

  it("times out when the CRM does not answer", async () => {
    const crm = client({ timeoutMs: 300 });
    await crm.loginInfo();
    sandbox.control.configure({ timeoutRate: 1, timeoutMs: 10_000 });
    const started = Date.now();
    const err = await failure(crm.create("Leads", { lastname: "Slow", assigned_user_id: "19x1" }));
    expect(err).toBeInstanceOf(VtigerTimeoutError);
    expect(err).toMatchObject({ transient: true, operation: "create" });
    expect(Date.now() - started).toBeLessThan(3_000);
    sandbox.control.configure({ timeoutRate: 0 });
    await expect(crm.query("SELECT id FROM Leads;")).resolves.toBeDefined();
  });
});
