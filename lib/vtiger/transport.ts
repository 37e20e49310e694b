/**
 * One HTTP round trip to webservice.php and the translation of everything that can come back into
 * either the envelope's `result` or a typed error (reference §2). vtiger reads non-session
 * parameters only from the HTTP method registered for the operation, so the method is part of
 * each request description, never guessed.
 */
import type { z } from "zod";
import {
  VtigerApiError,
  VtigerHttpError,
  VtigerNetworkError,
  VtigerProtocolError,
  VtigerTimeoutError,
  type ProtocolProblem,
} from "./errors";
import { envelopeSchema } from "./schemas";
import { normaliseVtigerUrl } from "./url";
import { plainExcerpt, redact } from "@/lib/http/excerpt";
import { nodeExchange, type HttpAnswer } from "@/lib/http/node-exchange";

export interface Transport {
  /** …/webservice.php */
  endpoint: string;
  timeoutMs: number;
  /** A fetch to use instead of node:http (tests, other runtimes); node:http when absent. */
  fetch?: typeof fetch | undefined;
  /** Strings that must never appear in an error message (the access key). */
  secrets: readonly string[];
  onCall?: ((op: string, ms: number) => void) | undefined;
}

export interface WsRequest {
  operation: string;
  method: "GET" | "POST";
  params: Record<string, string>;
  /** Module the call is about, carried into errors for user-facing hints. */
  module?: string | undefined;
}

/** Sends one request and returns the envelope's `result`, or throws a VtigerError. */
export async function send(transport: Transport, request: WsRequest): Promise<unknown> {
  const started = performance.now();
  try {
    const { status, body, contentType, location } = await exchange(transport, request);
    // Session names and login hashes are request secrets too; the server may echo them in error pages.
    const secrets = [...transport.secrets, request.params.sessionName ?? "", request.params.accessKey ?? ""];
    return interpret(request, secrets, status, body, contentType, location);
  } finally {
    transport.onCall?.(request.operation, performance.now() - started);
  }
}

interface RawAnswer {
  status: number;
  body: string;
  contentType: string;
  location: string | undefined;
}

async function exchange(transport: Transport, request: WsRequest): Promise<RawAnswer> {
  const signal = AbortSignal.timeout(transport.timeoutMs);
  const form = new URLSearchParams({ operation: request.operation, ...request.params });
  const init: RequestInit =
    request.method === "GET"
      ? { method: "GET", signal }
      : // URLSearchParams makes fetch send application/x-www-form-urlencoded; PHP ignores JSON bodies.
        { method: "POST", body: form, signal };
  const url = request.method === "GET" ? `${transport.endpoint}?${form}` : transport.endpoint;
  try {
    // Redirects are not followed: a redirected POST turns into a GET and vtiger then answers with
    // misleading errors; better to tell the user the right address.
    const answer = transport.fetch
      ? await viaFetch(transport.fetch, url, { ...init, redirect: "manual", headers: { accept: "application/json" } })
      : await nodeExchange(url, { method: request.method, ...(request.method === "POST" ? { form } : {}), headers: { accept: "application/json" }, signal });
    return {
      status: answer.status,
      body: answer.body,
      contentType: answer.header("content-type") ?? "",
      location: redirectTarget(answer, transport.endpoint),
    };
  } catch (err) {
    if (signal.aborted) throw new VtigerTimeoutError(request.operation, transport.timeoutMs);
    throw new VtigerNetworkError({
      operation: request.operation,
      host: new URL(transport.endpoint).host,
      causeCode: causeCode(err),
      cause: err,
    });
  }
}

async function viaFetch(doFetch: typeof fetch, url: string, init: RequestInit): Promise<HttpAnswer> {
  const response = await doFetch(url, init);
  const body = await response.text();
  return { status: response.status, body, header: (name) => response.headers.get(name) ?? undefined };
}

function redirectTarget(answer: HttpAnswer, endpoint: string): string | undefined {
  if (answer.status < 300 || answer.status >= 400) return undefined;
  const header = answer.header("location");
  if (!header) return "(no location given)";
  try {
    // Only the site root is shown: a query string could carry our own parameters back.
    return normaliseVtigerUrl(new URL(header, endpoint).href);
  } catch {
    return "(an invalid location)";
  }
}

/** undici wraps the system error: TypeError("fetch failed") → cause (maybe an AggregateError) → code. */
function causeCode(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return "UNKNOWN";
}

function interpret(
  request: WsRequest,
  secrets: readonly string[],
  status: number,
  body: string,
  contentType: string,
  location: string | undefined,
): unknown {
  const operation = request.operation;
  if (status < 200 || status >= 300) {
    throw new VtigerHttpError({ status, operation, excerpt: excerpt(body, secrets), ...(location ? { location } : {}) });
  }
  if (body.trim() === "") throw protocol("empty", operation, "");
  const json = parseJson(body);
  if (json === undefined) {
    const looksHtml = /html/i.test(contentType) || /^\s*</.test(body);
    throw protocol(looksHtml ? "html" : "not-json", operation, excerpt(body, secrets));
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw protocol("unexpected-json", operation, `not a vtiger answer (${summariseIssues(envelope.error)})`);
  }
  if (!envelope.data.success) {
    throw new VtigerApiError({
      rawCode: envelope.data.error.code,
      vtigerMessage: redact(envelope.data.error.message, secrets),
      operation,
      ...(request.module ? { module: request.module } : {}),
    });
  }
  return envelope.data.result;
}

/** Validates an operation's `result`; a mismatch names what was unexpected. */
export function parseResult<S extends z.ZodType>(schema: S, result: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw protocol("unexpected-json", operation, summariseIssues(parsed.error));
  return parsed.data;
}

function protocol(problem: ProtocolProblem, operation: string, text: string): VtigerProtocolError {
  return new VtigerProtocolError({ problem, operation, excerpt: text });
}

function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(top level)"}: ${issue.message}`)
    .join("; ");
}

/**
 * JSON.parse, tolerating what PHP installs put around the JSON: a UTF-8 BOM from an edited config
 * file, or warnings/notices printed before the output when display_errors is on.
 */
function parseJson(body: string): unknown {
  const text = body.replace(/^\uFEFF/, "").trim();
  try {
    return JSON.parse(text);
  } catch {
    const start = text.indexOf('{"success"');
    if (start <= 0) return undefined;
    try {
      return JSON.parse(text.slice(start));
    } catch {
      return undefined;
    }
  }
}

const EXCERPT_LENGTH = 160;

function excerpt(body: string, secrets: readonly string[]): string {
  return plainExcerpt(body, secrets, EXCERPT_LENGTH);
}
