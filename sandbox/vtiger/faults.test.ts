import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FaultInjector } from "./faults.ts";
import { startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

let sandbox: VtigerSandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startVtigerSandbox({ timeoutMs: 5_000 });
  client = new TestClient(sandbox.url);
});
beforeEach(async () => {
  sandbox.control.reset();
  await client.login(sandbox.username, sandbox.accessKey);
});
afterAll(() => sandbox.close());

const createLead = (init?: RequestInit) =>
  client.raw(
    "POST",
    {
      operation: "create",
      sessionName: client.sessionName,
      elementType: "Leads",
      element: JSON.stringify({ lastname: "Faulty", assigned_user_id: "19x1" }),
    },
    init,
  );

const storedLeads = () => sandbox.control.records("Leads").length;

describe("fault injection", () => {
  it("failBeforeWrite: HTTP 500 and nothing stored", async () => {
    sandbox.control.configure({ failBeforeWrite: 1 });
    const response = await createLead();
    expect([response.status, await response.text()]).toEqual([500, ""]);
    expect(storedLeads()).toBe(0);
    // Reads are not affected unless faultsOnAllOps is set.
    expect((await client.call("GET", { operation: "listtypes" })).success).toBe(true);
  });

  it("failAfterWrite: the answer is lost but the record exists", async () => {
    sandbox.control.configure({ failAfterWrite: 1 });
    expect((await createLead()).status).toBe(500);
    expect(storedLeads()).toBe(1);
    expect(sandbox.control.stats().faults.failAfterWrite).toBe(1);
  });

  it("timeoutRate: the request hangs without an answer and stores nothing", async () => {
    sandbox.control.configure({ timeoutRate: 1 });
    const abort = new AbortController();
    const pending = createLead({ signal: abort.signal }).then(
      () => "answered",
      () => "aborted",
    );
    const raced = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
    expect(raced).toBe("waiting");
    abort.abort();
    expect(await pending).toBe("aborted");
    expect(storedLeads()).toBe(0);
    // The hung request held the session; once the client hung up, the session serves again.
    sandbox.control.configure({ timeoutRate: 0 });
    expect((await client.call("GET", { operation: "listtypes" })).success).toBe(true);
  });

  it("timeoutRate: after timeoutMs the connection is dropped without an answer", async () => {
    sandbox.control.configure({ timeoutRate: 1, timeoutMs: 100 });
    await expect(createLead()).rejects.toThrow();
    expect(sandbox.control.stats().faults.timeout).toBe(1);
  });

  it("faultsOnAllOps extends the faults to reads", async () => {
    sandbox.control.configure({ failBeforeWrite: 1, faultsOnAllOps: true });
    expect((await client.raw("GET", { operation: "listtypes", sessionName: client.sessionName })).status).toBe(500);
  });

  it("counts calls per operation", async () => {
    sandbox.control.resetStats();
    await client.call("GET", { operation: "listtypes" });
    await client.call("GET", { operation: "listtypes" });
    await client.query("SELECT * FROM Leads;");
    expect(sandbox.control.stats()).toMatchObject({ calls: { listtypes: 2, query: 1 }, total: 3 });
  });
});

describe("FaultInjector", () => {
  it("is deterministic for a seed and follows the rates", () => {
    const rates = { failBeforeWrite: 0.1, failAfterWrite: 0.2, timeoutRate: 0.05 };
    const run = (seed: number) => {
      const injector = new FaultInjector(seed);
      return Array.from({ length: 2000 }, () => injector.decide(rates));
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    const share = (fault: string) => run(7).filter((f) => f === fault).length / 2000;
    expect(share("failBeforeWrite")).toBeCloseTo(0.1, 1);
    expect(share("failAfterWrite")).toBeCloseTo(0.2, 1);
    expect(share("timeout")).toBeCloseTo(0.05, 1);
  });
});
