import { describe, expect, it } from "vitest";
import { PrestashopUrlError } from "./errors";
import { normalisePrestashopUrl, webserviceUrl } from "./url";

describe("normalisePrestashopUrl", () => {
  it.each([
    ["https://shop.example.com", "https://shop.example.com/"],
    ["https://shop.example.com/", "https://shop.example.com/"],
    ["  https://shop.example.com/  ", "https://shop.example.com/"],
    ["https://shop.example.com/api", "https://shop.example.com/"],
    ["https://shop.example.com/api/", "https://shop.example.com/"],
    ["https://shop.example.com/api/customers/5?display=full", "https://shop.example.com/"],
    ["http://shop.example.com/boutique/api/", "http://shop.example.com/boutique/"],
    ["http://shop.example.com/boutique", "http://shop.example.com/boutique/"],
    ["https://shop.example.com/webservice/dispatcher.php?url=customers", "https://shop.example.com/"],
    ["https://shop.example.com/index.php", "https://shop.example.com/"],
    ["https://shop.example.com/shop/index.php?id_product=1&controller=product", "https://shop.example.com/shop/"],
    ["HTTPS://Shop.Example.com:443//", "https://shop.example.com/"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080/"],
    ["https://shop.example.com/#top", "https://shop.example.com/"],
    // A folder that merely starts with "api" is the shop's own.
    ["https://shop.example.com/apiary/", "https://shop.example.com/apiary/"],
  ])("%s → %s", (input, expected) => {
    expect(normalisePrestashopUrl(input)).toBe(expected);
  });

  it.each([
    ["shop.example.com", "must start with http:// or https://"],
    ["ftp://shop.example.com/", "must start with http:// or https://"],
    ["", "Enter the address"],
    ["   ", "Enter the address"],
    ["https://", "not a valid web address"],
    ["http://sh op.example.com/", "not a valid web address"],
    ["https://KEY:@shop.example.com/", "must not contain a user name or password"],
    ["https://shop.example.com/admin123xyz/index.php?controller=AdminWebservice&token=abc", "back-office address"],
    ["https://shop.example.com/admin123xyz/index.php/configure/advanced/webservice/?_token=abc", "back-office address"],
  ])("refuses %j", (input, message) => {
    expect(() => normalisePrestashopUrl(input)).toThrow(PrestashopUrlError);
    expect(() => normalisePrestashopUrl(input)).toThrow(message);
  });
});

describe("webserviceUrl", () => {
  it("adds api/ to the shop base, whatever spelling it gets", () => {
    expect(webserviceUrl("https://shop.example.com")).toBe("https://shop.example.com/api/");
    expect(webserviceUrl("https://shop.example.com/api")).toBe("https://shop.example.com/api/");
    expect(webserviceUrl("http://shop.example.com/fr-shop/")).toBe("http://shop.example.com/fr-shop/api/");
  });
});
