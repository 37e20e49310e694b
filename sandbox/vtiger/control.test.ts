import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

describe("control endpoints over HTTP", () => {
  let sandbox: VtigerSandbox;
  let client: TestClient;
  const control = (method: string, path: string, body?: object) =>
    fetch(new URL(`_sandbox/${path}`, sandbox.url), { method, body: body && JSON.stringify(body) });

  beforeAll(async () => {
    sandbox = await startVtigerSandbox();
    client = new TestClient(sandbox.url);
    await client.login(sandbox.username, sandbox.accessKey);
  });
  afterAll(() => sandbox.close());

  it("reports state, records and stats", async () => {
    await client.create("Leads", { lastname: "A", assigned_user_id: "19x1" });
    const state = (await (await control("GET", "state")).json()) as { counts: Record<string, number>; sessions: number };
    expect(state.counts).toMatchObject({ Leads: 1, Currency: 2, Groups: 3 });
    expect(state.sessions).toBe(1);
    const records = (await (await control("GET", "records/Leads")).json()) as Array<{ wsId: string; fields: object }>;
    expect(records[0]).toMatchObject({ wsId: "10x1", deleted: false, fields: { lastname: "A", lead_no: "LEA1" } });
    const stats = (await (await control("GET", "stats")).json()) as { calls: Record<string, number> };
    expect(stats.calls).toMatchObject({ getchallenge: 1, login: 1, create: 1 });
  });

  it("changes knobs, validates them, and resets to a fresh install", async () => {
    const configured = await control("POST", "config", {
      latencyMs: 1,
      permissions: { sales: { Leads: { create: false } } },
      mandatory: { Leads: { company: true } },
    });
    expect(configured.status).toBe(200);
    expect(sandbox.control.knobs()).toMatchObject({
      latencyMs: 1,
      permissions: { sales: { Leads: { create: false, retrieve: true } } },
    });
    expect((await control("POST", "config", { failBeforeWrite: 2 })).status).toBe(400);
    expect((await control("POST", "config", { nonsense: true })).status).toBe(400);
    expect((await control("POST", "reset")).status).toBe(200);
    expect(sandbox.control.knobs().latencyMs).toBe(0);
    expect(sandbox.control.state().counts.Leads).toBe(0);
    expect((await client.call("GET", { operation: "listtypes" })).error?.code).toBe("INVALID_SESSIONID");
  });

  it("is not reachable through webservice.php", async () => {
    const response = await fetch(new URL("webservice.php?operation=_sandbox/state", sandbox.url));
    expect(response.status).toBe(500);
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "vtiger-sandbox-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the data across restarts", async () => {
    const persistFile = join(dir, "state.json");
    const first = await startVtigerSandbox({ persistFile });
    const client = new TestClient(first.url);
    await client.login(first.username, first.accessKey);
    await client.create("Accounts", { accountname: "Persisted", assigned_user_id: "19x1" });
    await first.close();

    const second = await startVtigerSandbox({ persistFile });
    const again = new TestClient(second.url);
    await again.login(second.username, second.accessKey);
    expect((await again.query("SELECT accountname FROM Accounts;")).result).toEqual([{ accountname: "Persisted", id: "11x1" }]);
    const next = await again.create("Accounts", { accountname: "Next", assigned_user_id: "19x1" });
    expect(next.result).toMatchObject({ id: "11x2", account_no: "ACC2" });
    await second.close();
  });
});
