import { ensureConnection } from "@/lib/settings/connection";
import { storeInboxEvent } from "@/lib/jobs/inbox";
import { logger } from "@/lib/log";
import { MAX_BODY_BYTES, webhookBodySchema } from "./contract";
import { acceptedSecrets } from "./secret";
import { verifyWebhook } from "./signature";

export interface WebhookAnswer {
  status: 200 | 202 | 400 | 401 | 413;
  body: Record<string, unknown>;
}

/** Reads at most MAX_BODY_BYTES + 1 bytes, so an oversized body is refused without buffering it all. */
export async function readLimitedBody(request: Request): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return "too-large";
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * The webhook contract's checks, in order: size (413), signature (401), timestamp (401), shape (400).
 * Nothing is stored unless every check passes; an accepted event is in the inbox before we answer.
 */
export async function receiveWebhook(rawBody: Buffer | "too-large", signatureHeader: string | null): Promise<WebhookAnswer> {
  if (rawBody === "too-large") {
    return { status: 413, body: { error: `Body larger than ${MAX_BODY_BYTES / 1024} KiB: events carry ids only.` } };
  }
  const connection = await ensureConnection();
  const check = verifyWebhook(signatureHeader, rawBody, await acceptedSecrets(connection));
  if (!check.ok) return { status: 401, body: { error: check.reason } };

  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return { status: 400, body: { error: "The body is not valid JSON." } };
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 400,
      body: { error: `Malformed event: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}.`, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
    };
  }
  const outcome = await storeInboxEvent(connection.id, parsed.data, rawBody);
  if (outcome === "duplicate") return { status: 200, body: { status: "duplicate", id: parsed.data.id } };
  logger.info({ eventId: parsed.data.id, type: parsed.data.type }, "webhook: event stored");
  return { status: 202, body: { status: "accepted", id: parsed.data.id } };
}
