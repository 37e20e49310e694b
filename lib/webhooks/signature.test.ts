import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { signWebhook, verifyWebhook } from "./signature";

const { vectors } = JSON.parse(readFileSync(new URL("./signature-vectors.json", import.meta.url), "utf8")) as {
  vectors: { name: string; secret: string; timestamp: number; body: string; signature: string }[];
};

describe("webhook signature", () => {
  it.each(vectors)("matches the shared test vector: $name", (v) => {
    expect(signWebhook(v.secret, v.body, v.timestamp)).toBe(v.signature);
    expect(verifyWebhook(v.signature, Buffer.from(v.body, "utf8"), [v.secret], v.timestamp + 10)).toEqual({ ok: true, timestamp: v.timestamp });
  });

  const v = vectors[0]!;
  const body = Buffer.from(v.body);
  it("refuses a missing, malformed or wrong signature", () => {
    expect(verifyWebhook(null, body, [v.secret], v.timestamp)).toMatchObject({ ok: false, reason: expect.stringMatching(/Missing/) });
    expect(verifyWebhook("sha256=abc", body, [v.secret], v.timestamp)).toMatchObject({ ok: false, reason: expect.stringMatching(/Malformed/) });
    expect(verifyWebhook(v.signature, Buffer.from(v.body + " "), [v.secret], v.timestamp)).toMatchObject({ ok: false, reason: expect.stringMatching(/Invalid signature/) });
    expect(verifyWebhook(v.signature, body, ["other"], v.timestamp)).toMatchObject({ ok: false });
  });
  it("refuses a timestamp more than 5 minutes off, either way", () => {
    expect(verifyWebhook(v.signature, body, [v.secret], v.timestamp + 301)).toMatchObject({ ok: false, reason: expect.stringMatching(/window/) });
    expect(verifyWebhook(v.signature, body, [v.secret], v.timestamp - 301)).toMatchObject({ ok: false });
    expect(verifyWebhook(v.signature, body, [v.secret], v.timestamp + 300)).toMatchObject({ ok: true });
  });
  it("accepts any of the given secrets (previous secret during its grace period)", () => {
    expect(verifyWebhook(v.signature, body, ["new-secret", v.secret], v.timestamp)).toMatchObject({ ok: true });
  });
});
