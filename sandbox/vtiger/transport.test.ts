import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

let sandbox: VtigerSandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startVtigerSandbox();
  client = new TestClient(sandbox.url);
  await client.login(sandbox.username, sandbox.accessKey);
});
afterAll(() => sandbox.close());

describe("webservice.php transport", () => {
  it("answers JSON with HTTP 200 for handled errors", async () => {
    const response = await client.raw("GET", { operation: "retrieve", sessionName: client.sessionName, id: "10x999" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      success: false,
      error: { code: "ACCESS_DENIED", message: "Permission to perform the operation is denied" },
    });
  });

  it("crashes (HTTP 500, empty body) on unknown operations, other formats and JSON bodies", async () => {
    const unknown = await client.raw("GET", { operation: "nosuchop", sessionName: client.sessionName });
    expect([unknown.status, await unknown.text()]).toEqual([500, ""]);
    const xml = await client.raw("GET", { operation: "listtypes", format: "xml", sessionName: client.sessionName });
    expect(xml.status).toBe(500);
    const json = await fetch(`${sandbox.url}webservice.php`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "listtypes", sessionName: client.sessionName }),
    });
    expect([json.status, await json.text()]).toEqual([500, ""]);
  });

  it("reads operation names case-insensitively", async () => {
    expect((await client.call("GET", { operation: "ListTypes" })).success).toBe(true);
  });

  it("reads parameters only from the operation's HTTP method (reference §2)", async () => {
    const query = await client.call("POST", { operation: "query", query: "SELECT * FROM Leads;" });
    expect(query.error).toEqual({ code: "ACCESS_DENIED", message: "Permission to perform the operation is denied for query" });
    const describe = await client.call("POST", { operation: "describe", elementType: "Leads" });
    expect(describe.error?.message).toBe("Permission to perform the operation is denied for name : ");
    const create = await client.call("GET", { operation: "create", elementType: "Leads", element: "{}" });
    expect(create.error).toEqual({ code: "ACCESS_DENIED", message: "Permission to perform the operation is denied" });
    const login = await client.call("GET", { operation: "login", username: "admin", accessKey: "x" });
    expect(login.error?.code).toBe("INVALID_AUTH_TOKEN");
  });

  it("escapes slashes and non-ASCII like PHP's json_encode", async () => {
    await client.create("Leads", { lastname: "Müller/Ø", assigned_user_id: "19x1" });
    const response = await client.raw("GET", {
      operation: "query",
      sessionName: client.sessionName,
      query: "SELECT lastname FROM Leads WHERE lastname LIKE 'M%';",
    });
    expect(await response.text()).toContain('"M\\u00fcller\\/\\u00d8"');
  });

  it("serves the requests of one session one at a time", async () => {
    const latency = 150;
    const clients = [1, 2, 3, 4].map(() => new TestClient(sandbox.url));
    // One login at a time: concurrent getchallenge calls for a user invalidate each other's token.
    for (const c of clients) await c.login(sandbox.username, sandbox.accessKey);
    sandbox.control.configure({ latencyMs: latency });
    try {
      const listtypes = (c: TestClient) => c.call("GET", { operation: "listtypes" });
      const elapsed = async (calls: () => Promise<unknown>) => {
        const started = Date.now();
        await calls();
        return Date.now() - started;
      };
      const oneSession = await elapsed(() => Promise.all(clients.map(() => listtypes(client))));
      const fourSessions = await elapsed(() => Promise.all(clients.map(listtypes)));
      expect(oneSession).toBeGreaterThanOrEqual(4 * latency);
      expect(fourSessions).toBeLessThan(2 * latency);
    } finally {
      sandbox.control.configure({ latencyMs: 0 });
    }
  });
});
