import { createHmac, timingSafeEqual } from "node:crypto";
import { MAX_CLOCK_SKEW_SECONDS } from "./contract";

/**
 * `X-Connector-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * The secret is used as its UTF-8 bytes; the body exactly as sent (bytes, not re-serialised JSON).
 */
export function signWebhook(secret: string, rawBody: string | Buffer, timestamp: number): string {
  const mac = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${timestamp}.`)
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const [k, v] = part.trim().split("=", 2);
    if (k === "t" && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === "v1" && v && /^[0-9a-f]{64}$/i.test(v)) v1.push(v.toLowerCase());
  }
  return t === undefined || v1.length === 0 ? null : { t, v1 };
}

/**
 * Checks the signature against each accepted secret (the current one and, for 24 h after a
 * regeneration, the previous one), then the timestamp window.
 */
export function verifyWebhook(
  header: string | null,
  rawBody: Buffer,
  secrets: string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!header) return { ok: false, reason: "Missing X-Connector-Signature header." };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: "Malformed X-Connector-Signature header: expected t=<unix seconds>,v1=<hex sha256>." };
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(signWebhook(secret, rawBody, parsed.t).split("v1=")[1]!, "hex");
    return parsed.v1.some((given) => timingSafeEqual(expected, Buffer.from(given, "hex")));
  });
  if (!matches) return { ok: false, reason: "Invalid signature: the body was not signed with the connector's webhook secret." };
  if (Math.abs(nowSeconds - parsed.t) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: `Timestamp outside the accepted window of ${MAX_CLOCK_SKEW_SECONDS / 60} minutes: check the shop server's clock.` };
  }
  return { ok: true, timestamp: parsed.t };
}
