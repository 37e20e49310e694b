import { describe, expect, it } from "vitest";
import { dateOf, decimal, money, roundHalfUp } from "./format";
import { plainText } from "./plain-text";

describe("number and date formats", () => {
  it("rounds half away from zero on the decimal value, like PHP", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(10.035, 2)).toBe(10.04);
    expect(roundHalfUp(1e-7, 2)).toBe(0);
  });

  it("writes amounts with two decimals and other numbers without trailing zeros", () => {
    expect(money(23.8)).toBe("23.80");
    expect(money(-0.004)).toBe("0.00");
    expect(decimal(16.6666666667, 6)).toBe("16.666667");
    expect(decimal(2, 3)).toBe("2");
    expect(decimal(12.5, 6)).toBe("12.5");
  });

  it("keeps the date of a shop time stamp", () => {
    expect(dateOf("2025-03-01 14:02:00")).toBe("2025-03-01");
    expect(dateOf(null)).toBe("");
  });
});

describe("plainText", () => {
  it("turns a TinyMCE description into text", () => {
    expect(plainText("<p><strong>Brown bear mug</strong> &ndash; soft, bright &amp; made to last.</p>")).toBe("Brown bear mug – soft, bright & made to last.");
    expect(plainText("<p>Line one<br/>line&nbsp;two</p><p>&#233;t&#xE9; &unknown;</p>")).toBe("Line one\nline two\nété &unknown;");
  });
});
