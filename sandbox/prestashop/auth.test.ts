/**
 * Authentication and permissions as PrestaShop 8 answers them (reference §2–§3): the dispatcher's
 * bare 401, key format and activity errors, per-resource and per-method grants, PS_WEBSERVICE off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { ws, wsJson } from "./test-client.ts";

const REALM = 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."';
const PRODUCTS_ONLY = "PRODUCTSONLYKEY00000000000000001";

let sandbox: PrestashopSandbox;

beforeAll(async () => {
  sandbox = await startPrestashopSandbox({ port: 0, customers: 20, products: 10 });
  sandbox.control.configure({ keys: { [PRODUCTS_ONLY]: { permissions: { products: ["GET"] } } } });
});
afterAll(() => sandbox.close());

describe("authentication", () => {
  it("stops before the webservice when no key is sent: bare 401, plain text, challenge", async () => {
    const reply = await ws(sandbox, "customers", { key: null });
    expect(reply.status).toBe(401);
    expect(reply.headers.get("www-authenticate")).toBe(REALM);
    expect(reply.text).toBe("401 Unauthorized");
    expect(reply.headers.get("psws-version")).toBeNull();
  });

  it("accepts the key as ws_key query parameter and as Basic-auth user", async () => {
    const byQuery = await fetch(`${sandbox.url}api/customers?ws_key=${sandbox.key}&output_format=JSON`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get("psws-version")).toBe("8.1.2");
    expect((await wsJson(sandbox, "customers")).status).toBe(200);
  });

  it("answers a malformed key with #18, an unknown one with #20 and #21", async () => {
    const short = await wsJson(sandbox, "customers", { key: "WRONGKEY" });
    expect(short).toEqual({ status: 401, body: { errors: [{ code: 18, message: "Invalid authentication key format" }] } });
    const unknown = await ws(sandbox, "customers?output_format=JSON", { key: "A".repeat(32) });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toBe(REALM);
    expect(unknown.headers.get("psws-version")).toBe("0");
    expect((unknown.json() as { errors: Array<{ code: number }> }).errors.map((e) => e.code)).toEqual([20, 21]);
  });

  it("compares keys case-insensitively, like the MySQL lookup", async () => {
    expect((await wsJson(sandbox, "customers", { key: sandbox.key.toLowerCase() })).status).toBe(200);
  });

  it("empty key (Basic auth with an empty user) is #17", async () => {
    const reply = await wsJson(sandbox, "customers", { key: "" });
    expect(reply.body.errors[0].code).toBe(17);
  });
});

describe("permissions", () => {
  it("refuses a resource the key is not granted with 401 #26", async () => {
    const reply = await wsJson(sandbox, "customers", { key: PRODUCTS_ONLY });
    expect(reply).toEqual({
      status: 401,
      body: { errors: [{ code: 26, message: 'Resource of type "customers" is not allowed with this authentication key' }] },
    });
  });

  it("refuses a method the key is not granted with 405 #25", async () => {
    const reply = await ws(sandbox, "products/1?output_format=JSON", { key: PRODUCTS_ONLY, method: "DELETE" });
    expect(reply.status).toBe(405);
    expect(reply.json()).toEqual({
      errors: [{ code: 25, message: "Method DELETE is not allowed for the resource products with this authentication key" }],
    });
  });

  it("lists only the key's resources and methods in the XML root", async () => {
    const reply = await ws(sandbox, "", { key: PRODUCTS_ONLY });
    expect(reply.headers.get("content-type")).toBe("text/xml;charset=utf-8");
    expect(reply.text).toContain(
      `<products xlink:href="${sandbox.url}api/products" get="true" put="false" post="false" patch="false" delete="false" head="false">`,
    );
    expect(reply.text).not.toContain("<customers ");
  });

  it("reports an unknown resource with #27 and a suggestion", async () => {
    const reply = await wsJson(sandbox, "connections");
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].code).toBe(27);
    expect(reply.body.errors[0].message).toMatch(/^Resource of type "connections" does not exists\. Did you mean: "contacts"\?/);
  });

  it("crashes on the JSON root listing in 8.x (array_filter on strings)", async () => {
    const reply = await ws(sandbox, "?output_format=JSON");
    expect(reply.status).toBe(500);
    expect(reply.text).toBe("");
  });
});

describe("PS_WEBSERVICE off", () => {
  it("answers 503 #22 to every key, before authentication", async () => {
    sandbox.control.configure({ webserviceEnabled: false });
    try {
      const reply = await ws(sandbox, "customers", { key: "A".repeat(32) });
      expect(reply.status).toBe(503);
      expect(reply.text).toContain("<code><![CDATA[22]]></code>");
      expect(reply.text).toContain(
        "<message><![CDATA[The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office]]></message>",
      );
      expect(reply.headers.get("psws-version")).toBe("0");
    } finally {
      sandbox.control.configure({ webserviceEnabled: true });
    }
  });
});
