/** Minimal node:http plumbing shared by the webservice and the control endpoints. */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface HttpReply {
  status: number;
  contentType: string | null;
  body: string;
}

export const jsonReply = (status: number, value: unknown): HttpReply => ({
  status,
  contentType: "application/json",
  body: JSON.stringify(value),
});

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The whole request body (events rather than an async iterator: cheaper on every call). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        request.destroy();
        reject(new Error("request body too large"));
      }
    });
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

/** PHP keeps the last of repeated keys. */
export function lastValues(params: Iterable<[string, FormDataEntryValue | string]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of params) if (typeof value === "string") values[key] = value;
  return values;
}

/**
 * $_POST: PHP only parses urlencoded and multipart bodies; anything else (JSON!) leaves it empty.
 */
export async function formFields(contentType: string | undefined, body: string): Promise<Record<string, string>> {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return lastValues(new URLSearchParams(body));
  if (type === "multipart/form-data" && contentType) {
    try {
      const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
      return lastValues(form.entries());
    } catch {
      return {};
    }
  }
  return {};
}

export function send(response: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string> = { "content-length": String(Buffer.byteLength(reply.body)) };
  if (reply.contentType) headers["content-type"] = reply.contentType;
  response.writeHead(reply.status, headers);
  response.end(reply.body);
}
