import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { MAX_BODY_BYTES, SHOP_EVENT_TYPES, SIGNATURE_HEADER, webhookBodySchema } from "../lib/webhooks/contract";
import { verifyWebhook } from "../lib/webhooks/signature";

/**
 * The PrestaShop module's side of the webhook contract, checked with the connector's own code:
 * every event the module posts (one per hook it registers) must pass webhookBodySchema and
 * verifyWebhook, and a real HTTP delivery through the module's transport must be accepted.
 * Needs the PHP CLI (PHP_BIN, default "php").
 */
const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const runner = "prestashop-module/tests/run.php";
const php = process.env.PHP_BIN ?? "php";

function phpHas(code: string): boolean {
  try {
    return execFileSync(php, ["-r", code], { encoding: "utf8" }).trim() === "1";
  } catch {
    throw new Error(`PHP CLI not found ("${php}"): install php-cli (apt-get install -y php-cli) or set PHP_BIN.`);
  }
}

interface Emitted {
  secret: string;
  hooks: string[];
  hookEvents: Record<string, string>;
  payloads: { hook: string; type: string; data: Record<string, number>; body: string; signature: string }[];
}

describe("PrestaShop module payloads", () => {
  let emitted: Emitted;

  beforeAll(async () => {
    const { stdout } = await execFileAsync(php, [runner, "--emit-payloads"], { cwd: repoRoot });
    emitted = JSON.parse(stdout) as Emitted;
  });

  it("posts one event per event hook, covering every contract type", () => {
    expect(emitted.payloads.map((p) => p.hook).sort()).toEqual(Object.keys(emitted.hookEvents).sort());
    for (const hook of Object.keys(emitted.hookEvents)) expect(emitted.hooks).toContain(hook);
    expect(new Set(emitted.payloads.map((p) => p.type))).toEqual(new Set(SHOP_EVENT_TYPES));
  });

  it("every body matches webhookBodySchema and every signature verifies", () => {
    const ids = new Set<string>();
    for (const payload of emitted.payloads) {
      const raw = Buffer.from(payload.body, "utf8");
      expect(raw.length, payload.hook).toBeLessThan(MAX_BODY_BYTES);
      const parsed = webhookBodySchema.safeParse(JSON.parse(payload.body));
      expect(parsed.success, `${payload.hook}: ${parsed.error?.message ?? ""}`).toBe(true);
      if (!parsed.success) continue;
      expect(parsed.data.type, payload.hook).toBe(payload.type);
      expect(parsed.data.data, payload.hook).toEqual(payload.data);
      expect(verifyWebhook(payload.signature, raw, [emitted.secret]), payload.hook).toMatchObject({ ok: true });
      expect(verifyWebhook(payload.signature, raw, ["another secret"]), payload.hook).toMatchObject({ ok: false });
      ids.add(parsed.data.id);
    }
    expect(ids.size).toBe(emitted.payloads.length);
  });
});

/** The connector's checks in receive.ts order (size, signature, timestamp, shape), with an in-memory inbox. */
function startReceiver(secret: string, failFirst: number) {
  const stored = new Map<string, unknown>();
  const answers: number[] = [];
  let seen = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: Record<string, unknown>) => {
        answers.push(status);
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const raw = Buffer.concat(chunks);
      if (seen++ < failFirst) return reply(503, { error: "warming up" });
      if (raw.length > MAX_BODY_BYTES) return reply(413, { error: "too large" });
      const check = verifyWebhook(req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined ?? null, raw, [secret]);
      if (!check.ok) return reply(401, { error: check.reason });
      const parsed = webhookBodySchema.safeParse(JSON.parse(raw.toString("utf8")));
      if (!parsed.success) return reply(400, { error: `Malformed event: ${parsed.error.issues[0]?.path.join(".")}` });
      if (stored.has(parsed.data.id)) return reply(200, { status: "duplicate", id: parsed.data.id });
      stored.set(parsed.data.id, parsed.data);
      return reply(202, { status: "accepted", id: parsed.data.id });
    });
  });
  return { server, stored, answers };
}

const transports = ["stream", ...(phpHas("echo function_exists('curl_init') ? 1 : 0;") ? ["curl"] : [])];

describe.each(transports)("PrestaShop module delivery over HTTP (%s transport)", (transport) => {
  const secret = "whsec_e2e_clé_€";
  const receiver = startReceiver(secret, 1);
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/api/webhooks/prestashop`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

  it("delivers every hook's event once, retrying after a 503, and reads 400/401 test answers right", async () => {
    const { stdout } = await execFileAsync(php, [runner, `--send-to=${url}`, `--secret=${secret}`, `--transport=${transport}`], { cwd: repoRoot });
    const report = JSON.parse(stdout) as {
      transport: string;
      rows: { type: string; status: string; attempts: number; http: number; error: string | null }[];
      resend: { status: number; outcome: string };
      ping: { status: number; verdict: string; body: string };
      wrongSecretPing: { status: number; verdict: string };
    };
    expect(report.transport).toBe(transport);
    expect(report.rows).toHaveLength(12);
    for (const row of report.rows) expect(row, row.type).toMatchObject({ status: "sent", http: 202 });
    expect(report.rows[0]).toMatchObject({ attempts: 2 });
    expect(receiver.stored.size).toBe(12);
    expect(new Set([...receiver.stored.values()].map((e) => (e as { type: string }).type))).toEqual(new Set(SHOP_EVENT_TYPES));
    expect(receiver.answers[0]).toBe(503);
    expect(report.resend).toEqual({ status: 200, outcome: "sent" });
    expect(report.ping).toMatchObject({ status: 400, verdict: "signature_ok" });
    expect(report.ping.body).toContain("Malformed event");
    expect(report.wrongSecretPing).toEqual({ status: 401, verdict: "bad_secret" });
  });
});
