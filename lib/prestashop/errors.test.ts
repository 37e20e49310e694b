import { describe, expect, it } from "vitest";
import {
  describePrestashopError,
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

const at = { resource: "customers" };

describe("transient flags", () => {
  it("retries what may pass by itself and nothing that needs a human", () => {
    expect(new PrestashopTimeoutError("customers", 30_000).transient).toBe(true);
    expect(new PrestashopNetworkError({ resource: "customers", host: "shop", causeCode: "ECONNRESET", cause: null }).transient).toBe(true);
    expect(new PrestashopServerError({ ...at, status: 500 }).transient).toBe(true);
    expect(new PrestashopServerError({ ...at, status: 429 }).transient).toBe(true);
    expect(new PrestashopProtocolError({ ...at, status: 503, problem: "html", excerpt: "Maintenance" }).transient).toBe(true);
    expect(new PrestashopProtocolError({ ...at, status: 200, problem: "empty", excerpt: "" }).transient).toBe(true);

    expect(new PrestashopProtocolError({ ...at, status: 404, problem: "html", excerpt: "Page not found" }).transient).toBe(false);
    expect(new PrestashopProtocolError({ ...at, status: 200, problem: "xml", excerpt: "" }).transient).toBe(false);
    expect(new PrestashopAuthError({ ...at, status: 401, problem: "rejected" }).transient).toBe(false);
    expect(new PrestashopPermissionError({ ...at, status: 401, problem: "resource" }).transient).toBe(false);
    expect(new PrestashopNotFoundError({ ...at, status: 404, id: 5 }).transient).toBe(false);
    expect(new PrestashopDisabledError({ ...at, status: 503 }).transient).toBe(false);
    expect(new PrestashopRequestError({ ...at, status: 500, errors: [{ code: 32, message: "This filter does not exist" }] }).transient).toBe(false);
    expect(new PrestashopConfigError("key", "Enter the key").transient).toBe(false);
    expect(new PrestashopUsageError("bad").transient).toBe(false);
  });
});

describe("messages", () => {
  it("name the resource and PrestaShop's first error", () => {
    const err = new PrestashopPermissionError({
      ...at,
      status: 401,
      problem: "resource",
      errors: [{ code: 26, message: 'Resource of type "customers" is not allowed with this authentication key' }],
    });
    expect(err.message).toBe(
      'The webservice key may not read customers (PrestaShop error 26: Resource of type "customers" is not allowed with this authentication key)',
    );
    expect(err.code).toBe(26);
    expect(new PrestashopNotFoundError({ resource: "orders", status: 404, id: 12 }).message).toBe("orders/12 does not exist in the shop");
    expect(new PrestashopServerError({ ...at, status: 500 }).message).toBe("The shop failed when reading customers (HTTP 500, empty answer)");
    expect(new PrestashopTimeoutError("orders", 1500).message).toBe("The shop did not answer within 1.5 s when reading orders");
  });
});

describe("describePrestashopError", () => {
  it("tells which permission to tick", () => {
    const help = describePrestashopError(new PrestashopPermissionError({ ...at, status: 401, problem: "resource" }));
    expect(help).toEqual({
      step: "customers",
      message: "The webservice key may not read customers.",
      fix: "In the shop's back office, open Advanced Parameters › Webservice, edit the connector's key, tick View (GET) for customers and save.",
    });
  });

  it("tells to enable the webservice", () => {
    const help = describePrestashopError(new PrestashopDisabledError({ ...at, status: 503, errors: [{ code: 22, message: "The PrestaShop webservice is disabled." }] }));
    expect(help.message).toBe("The shop's webservice is disabled.");
    expect(help.fix).toContain("“Enable PrestaShop's webservice” to Yes");
  });

  it("tells the three kinds of refused keys apart", () => {
    const unknown = [
      { code: 20, message: "Authentification key is not active" },
      { code: 21, message: "No permission for this authentication key" },
    ];
    expect(describePrestashopError(new PrestashopAuthError({ ...at, status: 401, problem: "rejected", errors: unknown })).message).toBe(
      "The shop does not accept this webservice key (unknown or disabled).",
    );
    const bare = describePrestashopError(new PrestashopAuthError({ ...at, status: 401, problem: "rejected", errors: unknown.slice(1) }));
    expect(bare.message).toBe("The webservice key is accepted but may not read anything.");
    expect(bare.fix).toContain("tick View (GET) for customers, addresses, countries, products, orders, order_states, order_histories, currencies, configurations and save");
    expect(describePrestashopError(new PrestashopAuthError({ ...at, status: 401, problem: "not-received" })).fix).toContain("Enable CGI mode for PHP");
    const proxy = describePrestashopError(new PrestashopAuthError({ ...at, status: 401, problem: "web-server", realm: "Staging" }));
    expect(proxy.message).toContain("(“Staging”)");
    expect(proxy.fix).toContain("Exempt the shop's /api/ path");
    expect(describePrestashopError(new PrestashopPermissionError({ ...at, status: 403, problem: "shop" })).fix).toContain("Shop association");
  });

  it("explains answers that are not the webservice", () => {
    const notFound = describePrestashopError(new PrestashopProtocolError({ ...at, status: 404, problem: "html", excerpt: "Page not found" }));
    expect(notFound.message).toBe("No PrestaShop webservice answers at this address (HTTP 404).");
    expect(notFound.fix).toContain("rewrite ^/api/?(.*)$ /webservice/dispatcher.php?url=$1 last;");
    expect(describePrestashopError(new PrestashopProtocolError({ ...at, status: 503, problem: "html", excerpt: "We'll be back soon" })).message).toContain("maintenance");
    expect(describePrestashopError(new PrestashopProtocolError({ ...at, status: 200, problem: "html", excerpt: "Welcome" })).message).toBe(
      "This address does not answer like a PrestaShop webservice.",
    );
    expect(describePrestashopError(new PrestashopProtocolError({ ...at, status: 200, problem: "xml", excerpt: "", version: "1.5.6.2" })).message).toContain(
      "(PrestaShop 1.5.6.2): JSON exists from PrestaShop 1.6.0.9",
    );
    const redirect = describePrestashopError(
      new PrestashopProtocolError({ ...at, status: 301, problem: "redirect", excerpt: "", location: "https://shop.example.com/" }),
    );
    expect(redirect.fix).toBe("Enter the address it redirects to: https://shop.example.com/");
    expect(describePrestashopError(new PrestashopProtocolError({ ...at, status: 403, problem: "html", excerpt: "Forbidden" })).message).toContain("blocks the webservice");
  });

  it("explains network, timeout, server, request and setting errors", () => {
    expect(describePrestashopError(new PrestashopNetworkError({ resource: "customers", host: "shop.example", causeCode: "ENOTFOUND", cause: null })).message).toBe(
      "The shop host name shop.example cannot be found (DNS).",
    );
    expect(describePrestashopError(new PrestashopNetworkError({ resource: "customers", host: "shop.example", causeCode: "CERT_HAS_EXPIRED", cause: null })).message).toContain(
      "certificate",
    );
    expect(describePrestashopError(new PrestashopTimeoutError("orders", 30_000)).step).toBe("orders");
    expect(describePrestashopError(new PrestashopServerError({ ...at, status: 500 })).fix).toContain("PHP error log");
    expect(describePrestashopError(new PrestashopRequestError({ ...at, status: 400, errors: [{ code: 27, message: "Resource of type x does not exist" }] })).message).toBe(
      "This shop does not offer the customers resource.",
    );
    const url = describePrestashopError(new PrestashopUrlError("The shop URL must start with http:// or https://"));
    expect(url).toEqual({ message: "The shop URL must start with http:// or https://", fix: expect.stringContaining("front page") });
    expect(describePrestashopError(new Error("boom")).message).toBe("Unexpected error: boom");
  });
});
