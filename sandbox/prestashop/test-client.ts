/**
 * A bare webservice client for the sandbox's tests: raw status, headers and body, so tests see the
 * wire exactly as a connector would.
 */
import type { PrestashopSandbox } from "./server.ts";

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

export interface WsOptions {
  /** The key sent as Basic-auth user; null sends no Authorization header. Defaults to the sandbox key. */
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

/** GET `path` relative to the webservice root (`customers?display=full`). */
export async function ws(sandbox: PrestashopSandbox, path: string, options: WsOptions = {}): Promise<RawReply> {
  const key = options.key === undefined ? sandbox.key : options.key;
  const headers: Record<string, string> = { ...options.headers };
  if (key !== null) headers.Authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
  const response = await fetch(`${sandbox.url}api/${path}`, { method: options.method ?? "GET", headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

/** JSON output of a GET, typed loosely for assertions. */
export async function wsJson(sandbox: PrestashopSandbox, path: string, options?: WsOptions): Promise<{ status: number; body: any }> {
  const reply = await ws(sandbox, `${path}${path.includes("?") ? "&" : "?"}output_format=JSON`, options);
  return { status: reply.status, body: reply.text === "" ? undefined : reply.json() };
}
