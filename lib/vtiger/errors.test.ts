import { describe, expect, it } from "vitest";
import {
  describeVtigerError,
  isSessionError,
  VtigerApiError,
  VtigerConfigError,
  VtigerHttpError,
  VtigerNetworkError,
  VtigerProtocolError,
  VtigerTimeoutError,
  VtigerUrlError,
  VtigerUsageError,
} from "./errors";

const api = (rawCode: string | number, vtigerMessage = "", operation = "create", module?: string) =>
  new VtigerApiError({ rawCode, vtigerMessage, operation, ...(module ? { module } : {}) });

describe("VtigerApiError", () => {
  it("maps duplicate prevention's numeric code 0 to DUPLICATE and keeps the raw code", () => {
    const err = api(0, "Duplicate(s) detected!", "create", "Accounts");
    expect(err.code).toBe("DUPLICATE");
    expect(err.rawCode).toBe(0);
    expect(err.transient).toBe(false);
    expect(err.message).toBe("vtiger refused create Accounts: DUPLICATE – Duplicate(s) detected!");
  });

  it("marks session problems transient and data problems permanent", () => {
    for (const code of ["INVALID_SESSIONID", "SESSION_EXPIRED", "SESSION_LEFT_IDLE", "AUTHENTICATION_REQUIRED", "INVALID_AUTH_TOKEN"]) {
      expect(api(code).transient).toBe(true);
    }
    for (const code of ["ACCESS_DENIED", "MANDATORY_FIELDS_MISSING", "INVALID_USER_CREDENTIALS", "QUERY_SYNTAX_ERROR"]) {
      expect(api(code).transient).toBe(false);
    }
  });

  it("recognises errors that a new session cures", () => {
    expect(isSessionError(api("INVALID_SESSIONID", "", "query"))).toBe(true);
    expect(isSessionError(api("SESSION_LEFT_IDLE", "", "create"))).toBe(true);
    // On login, AUTHENTICATION_REQUIRED means "user inactive" (vtiger ≤ 7.1): a new login will not help.
    expect(isSessionError(api("AUTHENTICATION_REQUIRED", "Given user is inactive", "login"))).toBe(false);
    expect(isSessionError(api("ACCESS_DENIED", "", "query"))).toBe(false);
    expect(isSessionError(new Error("x"))).toBe(false);
  });
});

describe("transport errors", () => {
  it("explains an HTTP 500 with an empty body", () => {
    const err = new VtigerHttpError({ status: 500, operation: "sync", excerpt: "" });
    expect(err.message).toBe("The CRM answered HTTP 500 with an empty body (a PHP crash on the server) during sync");
    expect(err.transient).toBe(true);
    expect(new VtigerHttpError({ status: 404, operation: "getchallenge", excerpt: "Not Found" }).transient).toBe(false);
  });

  it("explains vtiger's restricted-file page", () => {
    const err = new VtigerProtocolError({ problem: "html", operation: "create", excerpt: "Sorry! Attempt to access restricted file." });
    expect(err.message).toContain("HTML page, not JSON");
    expect(err.message).toContain("user id that does not exist");
    expect(err.isRestrictedFile).toBe(true);
    expect(err.transient).toBe(false);
    expect(new VtigerProtocolError({ problem: "empty", operation: "query", excerpt: "" }).transient).toBe(true);
  });

  it("marks timeouts and network failures transient", () => {
    expect(new VtigerTimeoutError("query", 30_000).message).toBe("The CRM did not answer query within 30 s");
    expect(new VtigerTimeoutError("query", 250).transient).toBe(true);
    const net = new VtigerNetworkError({ operation: "getchallenge", host: "crm.example.com", causeCode: "ECONNREFUSED", cause: null });
    expect(net.transient).toBe(true);
    expect(net.message).toContain("ECONNREFUSED");
  });
});

describe("describeVtigerError", () => {
  it("wrong access key", () => {
    expect(describeVtigerError(api("INVALID_USER_CREDENTIALS", "Invalid username or password", "login"))).toEqual({
      step: "login",
      message: "The user name or access key is wrong.",
      fix: "Copy the access key from vtiger: My Preferences → User Advanced Options → Access Key.",
    });
  });

  it("unknown user name", () => {
    const help = describeVtigerError(api("ACCESS_DENIED", "username does not exists", "getchallenge"));
    expect(help.message).toContain("does not know this user name");
  });

  it("module not permitted", () => {
    const help = describeVtigerError(api("ACCESS_DENIED", "Permission to perform the operation is denied for name : Leads", "describe", "Leads"));
    expect(help.step).toBe("describe Leads");
    expect(help.message).toContain("may not use module Leads");
    expect(help.fix).toContain("Profiles");
  });

  it("host unreachable, DNS and TLS", () => {
    const net = (causeCode: string) => new VtigerNetworkError({ operation: "getchallenge", host: "crm.example.com", causeCode, cause: null });
    expect(describeVtigerError(net("ECONNREFUSED")).message).toContain("refuses the connection");
    expect(describeVtigerError(net("ECONNREFUSED")).fix).toContain("firewall");
    expect(describeVtigerError(net("ENOTFOUND")).message).toContain("cannot be found");
    expect(describeVtigerError(net("CERT_HAS_EXPIRED")).message).toContain("certificate");
  });

  it("a page that is not vtiger", () => {
    const help = describeVtigerError(new VtigerHttpError({ status: 404, operation: "getchallenge", excerpt: "Not Found" }));
    expect(help.message).toContain("does not answer like a vtiger CRM");
    expect(help.fix).toContain("https://crm.example.com/");
    const html = describeVtigerError(new VtigerProtocolError({ problem: "html", operation: "getchallenge", excerpt: "Welcome to nginx!" }));
    expect(html.message).toContain("does not answer like a vtiger CRM");
  });

  it("redirects name the target", () => {
    const help = describeVtigerError(
      new VtigerHttpError({ status: 301, operation: "getchallenge", excerpt: "", location: "https://crm.example.com/" }),
    );
    expect(help.fix).toContain("https://crm.example.com/");
  });

  it("covers every class", () => {
    const errors = [
      new VtigerUrlError("The CRM URL must start with http:// or https://"),
      new VtigerConfigError("accessKey", "Enter the access key of the CRM user"),
      new VtigerUsageError("A VTQL IN list needs at least one value"),
      new VtigerTimeoutError("query", 1000),
      new VtigerHttpError({ status: 500, operation: "create", excerpt: "" }),
      new VtigerHttpError({ status: 403, operation: "getchallenge", excerpt: "Forbidden" }),
      new VtigerProtocolError({ problem: "empty", operation: "query", excerpt: "" }),
      new VtigerProtocolError({ problem: "unexpected-json", operation: "query", excerpt: "x" }),
      new VtigerProtocolError({ problem: "html", operation: "create", excerpt: "Sorry! Attempt to access restricted file." }),
      api("MANDATORY_FIELDS_MISSING", "lastname does not have a value"),
      api(0, "Duplicate(s) detected!", "create", "Accounts"),
      api("QUERY_SYNTAX_ERROR", "Syntax Error on line 1", "query"),
      api("ACCESS_DENIED", "Permission to perform the operation is denied", "retrieve"),
      api("ACCESSKEY_UNDEFINED", "", "login"),
      api("SESSION_EXPIRED", "", "query"),
      api("SOMETHING_NEW", "new in 9.0"),
      new Error("boom"),
      "a string",
    ];
    for (const err of errors) {
      const help = describeVtigerError(err);
      expect(help.message.length).toBeGreaterThan(5);
      expect(help.fix.length).toBeGreaterThan(5);
    }
    expect(describeVtigerError(api("MANDATORY_FIELDS_MISSING", "lastname does not have a value")).message).toContain("lastname");
    expect(describeVtigerError(api(0, "Duplicate(s) detected!", "create", "Accounts")).message).toContain("duplicate");
  });
});
