import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { md5Hex } from "./php.ts";
import { DEFAULT_SALES_ACCESS_KEY, startVtigerSandbox, type VtigerSandbox } from "./server.ts";
import { TestClient } from "./test-client.ts";

let sandbox: VtigerSandbox;

beforeAll(async () => {
  sandbox = await startVtigerSandbox();
});
afterAll(() => sandbox.close());

const client = () => new TestClient(sandbox.url);

async function challenge(c: TestClient, username: string): Promise<string> {
  const answer = await c.call<{ token: string; serverTime: number; expireTime: number }>("GET", {
    operation: "getchallenge",
    username,
  });
  expect(answer.success).toBe(true);
  expect(answer.result?.expireTime).toBe((answer.result?.serverTime ?? 0) + 300);
  return answer.result?.token ?? "";
}

const login = (c: TestClient, username: string, token: string, key = sandbox.accessKey) =>
  c.call<Record<string, string>>("POST", { operation: "login", username, accessKey: md5Hex(token + key) });

describe("getchallenge", () => {
  it("rejects unknown and empty user names", async () => {
    expect(await client().call("GET", { operation: "getchallenge", username: "nobody" })).toEqual({
      success: false,
      error: { code: "ACCESS_DENIED", message: "username does not exists" },
    });
    expect((await client().call("GET", { operation: "getchallenge" })).error).toEqual({
      code: "ACCESS_DENIED",
      message: "No username given",
    });
  });

  it("returns a 13-hex-digit token", async () => {
    expect(await challenge(client(), "admin")).toMatch(/^[0-9a-f]{13}$/);
  });
});

describe("login", () => {
  it("answers the 8.2 login shape", async () => {
    const c = client();
    const answer = await login(c, "admin", await challenge(c, "admin"));
    expect(answer.success).toBe(true);
    expect(answer.result).toMatchObject({
      username: "admin",
      is_admin: "on",
      date_format: "yyyy-mm-dd",
      userId: "19x1",
      version: "0.22",
      vtigerVersion: "8.2.0",
    });
    expect(Object.keys(answer.result ?? {})).toEqual([
      "username", "first_name", "last_name", "email", "time_zone", "hour_format", "date_format", "is_admin",
      "call_duration", "other_event_duration", "sessionName", "userId", "version", "vtigerVersion",
    ]);
  });

  it("accepts the user name in any case and reuses a token until it expires", async () => {
    const c = client();
    const token = await challenge(c, "ADMIN");
    const first = await login(c, "Admin", token);
    const second = await login(c, "admin", token);
    expect(first.success && second.success).toBe(true);
    expect(first.result?.sessionName).not.toBe(second.result?.sessionName);
  });

  it("loses the race when another worker asked for a challenge in between", async () => {
    const worker1 = client();
    const worker2 = client();
    const token1 = await challenge(worker1, "admin");
    const token2 = await challenge(worker2, "admin");
    expect((await login(worker1, "admin", token1)).error).toEqual({
      code: "INVALID_USER_CREDENTIALS",
      message: "Invalid username or password",
    });
    expect((await login(worker2, "admin", token2)).success).toBe(true);
  });

  it("rejects a wrong key, a missing token and an upper-case md5", async () => {
    const c = client();
    const token = await challenge(c, "sales");
    expect((await login(c, "sales", token, "wrong")).error?.code).toBe("INVALID_USER_CREDENTIALS");
    const upper = md5Hex(token + DEFAULT_SALES_ACCESS_KEY).toUpperCase();
    expect((await c.call("POST", { operation: "login", username: "sales", accessKey: upper })).error?.code).toBe(
      "INVALID_USER_CREDENTIALS",
    );
    expect((await login(c, "sales", token, DEFAULT_SALES_ACCESS_KEY)).result?.userId).toBe("19x5");
    expect((await login(client(), "nobody", "x")).error).toEqual({
      code: "INVALID_AUTH_TOKEN",
      message: "Specified token is invalid or expired",
    });
  });
});

describe("sessions", () => {
  it("needs a sessionName for everything but the prelogin operations", async () => {
    expect((await client().call("GET", { operation: "listtypes" })).error).toEqual({
      code: "AUTHENTICATION_REQUIRED",
      message: "Authencation required",
    });
    expect((await client().call("GET", { operation: "listtypes", sessionName: "nope" })).error).toEqual({
      code: "INVALID_SESSIONID",
      message: "Session Identifier provided is Invalid",
    });
  });

  it("keeps several sessions per user, and they survive logout (HTTP 500 on PHP 8)", async () => {
    const a = client();
    const b = client();
    await a.login("admin", sandbox.accessKey);
    await b.login("admin", sandbox.accessKey);
    const logout = await a.raw("POST", { operation: "logout", sessionName: a.sessionName });
    expect(logout.status).toBe(500);
    expect(await logout.text()).toBe("");
    expect((await a.call("GET", { operation: "listtypes" })).success).toBe(true);
    expect((await b.call("GET", { operation: "listtypes" })).success).toBe(true);
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("expires idle sessions, then forgets them", async () => {
    const c = client();
    await c.login("admin", sandbox.accessKey);
    sandbox.control.configure({ sessionIdleMs: 150 });
    try {
      await pause(250);
      expect((await c.call("GET", { operation: "listtypes" })).error).toEqual({
        code: "SESSION_LEFT_IDLE",
        message: "Session has been invalidated to due lack activity",
      });
      expect((await c.call("GET", { operation: "listtypes" })).error?.code).toBe("INVALID_SESSIONID");
    } finally {
      sandbox.control.configure({ sessionIdleMs: 1_800_000 });
    }
  });

  it("checks the maximum life before the idle time", async () => {
    const c = client();
    await c.login("admin", sandbox.accessKey);
    sandbox.control.configure({ sessionIdleMs: 150, sessionMaxMs: 150 });
    try {
      await pause(250);
      expect((await c.call("GET", { operation: "listtypes" })).error).toEqual({
        code: "SESSION_EXPIRED",
        message: "Session has life span over please login again",
      });
    } finally {
      sandbox.control.configure({ sessionIdleMs: 1_800_000, sessionMaxMs: 86_400_000 });
    }
  });

  it("expireAllSessions() ends every session", async () => {
    const c = client();
    await c.login("admin", sandbox.accessKey);
    sandbox.control.expireAllSessions();
    expect((await c.call("GET", { operation: "listtypes" })).error?.code).toBe("SESSION_EXPIRED");
  });
});
