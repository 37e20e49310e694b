import { describe, expect, it } from "vitest";
import { VtigerUrlError } from "./errors";
import { normaliseVtigerUrl, webserviceEndpoint } from "./url";

describe("normaliseVtigerUrl", () => {
  it.each([
    ["https://crm.example.com", "https://crm.example.com/"],
    ["https://crm.example.com/", "https://crm.example.com/"],
    ["  https://crm.example.com/  ", "https://crm.example.com/"],
    ["https://crm.example.com/webservice.php", "https://crm.example.com/"],
    ["https://crm.example.com/index.php", "https://crm.example.com/"],
    ["https://crm.example.com/index.php?module=Home&view=DashBoard", "https://crm.example.com/"],
    ["http://CRM.Example.com:8080/vtiger", "http://crm.example.com:8080/vtiger/"],
    ["http://crm.example.com/vtiger/", "http://crm.example.com/vtiger/"],
    ["https://crm.example.com/vtiger/WebService.php#top", "https://crm.example.com/vtiger/"],
    ["https://crm.example.com:443/crm//", "https://crm.example.com/crm/"],
    ["HTTPS://crm.example.com", "https://crm.example.com/"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000/"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseVtigerUrl(input)).toBe(expected);
  });

  it.each([
    ["crm.example.com", "must start with http:// or https://"],
    ["ftp://crm.example.com/", "must start with http:// or https://"],
    ["javascript:alert(1)", "must start with http:// or https://"],
    ["", "Enter the address"],
    ["   ", "Enter the address"],
    ["https://", "not a valid web address"],
    ["http://exa mple.com/", "not a valid web address"],
    ["https://admin:secret@crm.example.com/", "must not contain a user name or password"],
  ])("rejects %j", (input, message) => {
    expect(() => normaliseVtigerUrl(input)).toThrow(VtigerUrlError);
    expect(() => normaliseVtigerUrl(input)).toThrow(message);
  });

  it("does not echo credentials in its message", () => {
    try {
      normaliseVtigerUrl("https://admin:secret@crm.example.com/");
    } catch (err) {
      expect((err as Error).message).not.toContain("secret");
    }
  });
});

describe("webserviceEndpoint", () => {
  it("appends webservice.php to any accepted spelling", () => {
    expect(webserviceEndpoint("https://crm.example.com/vtiger/index.php")).toBe("https://crm.example.com/vtiger/webservice.php");
    expect(webserviceEndpoint("https://crm.example.com")).toBe("https://crm.example.com/webservice.php");
  });
});
