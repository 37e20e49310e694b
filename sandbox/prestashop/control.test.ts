/**
 * The control API over HTTP: state, configuration (latency, injected failures, version, keys),
 * reset and request statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { ws } from "./test-client.ts";

let sandbox: PrestashopSandbox;

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${sandbox.url}_sandbox/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

beforeAll(async () => {
  sandbox = await startPrestashopSandbox({ port: 0, customers: 25, products: 10 });
});
afterAll(() => sandbox.close());

describe("/_sandbox/", () => {
  it("reports the state", async () => {
    const { status, body } = await control("state");
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: "8", webserviceEnabled: true, languages: 2, counts: { customers: 25, products: 10 } });
  });

  it("injects HTTP 500s and latency, then goes back to normal on reset", async () => {
    expect((await control("config", { failureRate: 1, latencyMs: 30 })).status).toBe(200);
    const started = Date.now();
    const failed = await ws(sandbox, "customers");
    expect(failed.status).toBe(500);
    expect(failed.text).toBe("");
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    await control("reset", {});
    expect((await ws(sandbox, "customers")).status).toBe(200);
  });

  it("rejects an invalid configuration with 400", async () => {
    expect((await control("config", { version: "7" })).status).toBe(400);
    expect((await control("config", { keys: { ["K".repeat(32)]: { permissions: { carriers: ["GET"] } } } })).status).toBe(400);
  });

  it("reset drops what actions added", async () => {
    await sandbox.emitter.signUp();
    expect(sandbox.control.state().counts.customers).toBe(26);
    await control("reset", {});
    expect(sandbox.control.state().counts.customers).toBe(25);
  });

  it("counts webservice requests per resource", async () => {
    await control("reset", {});
    await ws(sandbox, "customers");
    await ws(sandbox, "customers/1");
    await ws(sandbox, "orders");
    const { body } = await control("stats");
    expect(body).toEqual({ total: 3, byResource: { customers: 2, orders: 1 } });
  });
});
