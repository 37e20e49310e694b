/**
 * A vtiger CRM 8.2 webservice sandbox over node:http: `/webservice.php` speaks the real protocol (see
 * /work/shared/reference/vtiger-webservice.md), `/_sandbox/*` is the control interface for tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createControl, controlRequest, type VtigerSandboxControl } from "./control.ts";
import { Engine } from "./engine.ts";
import { formFields, lastValues, readBody, send, type HttpReply } from "./http.ts";
import { DEFAULT_KNOBS, definedOnly, scalarKnobsSchema, type VtigerSandboxKnobs } from "./knobs.ts";
import { phpJsonEncode } from "./php.ts";
import { KeyedQueue } from "./queue.ts";
import {
  callWebservice,
  isWriteOperation,
  operationName,
  sessionNameOf,
  type WsReply,
  type WsRequest,
} from "./webservice.ts";

export type { VtigerSandboxControl } from "./control.ts";

/** Used when neither the options nor SANDBOX_VTIGER_ACCESS_KEY give the admin's access key. */
export const DEFAULT_ACCESS_KEY = "sandboxAccessKey";
export const DEFAULT_SALES_ACCESS_KEY = "salesAccessKey16";

export interface VtigerSandboxUserOptions {
  userName?: string;
  accessKey?: string;
}

export interface VtigerSandboxOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `admin` (19x1, is_admin on) and `sales` (19x5, not admin). */
  users?: { admin?: VtigerSandboxUserOptions; sales?: VtigerSandboxUserOptions };
  latencyMs?: number;
  failBeforeWrite?: number;
  failAfterWrite?: number;
  timeoutRate?: number;
  timeoutMs?: number;
  faultsOnAllOps?: boolean;
  sessionIdleMs?: number;
  sessionMaxMs?: number;
  sessionMaxCalls?: number;
  seed?: number;
  /** Load the data from this JSON file at start and save it (debounced) after writes. */
  persistFile?: string;
  leadSourceHasPrestashop?: boolean;
  /** Both users' "Number Of Currency Decimals" (default 2). */
  currencyDecimals?: number;
}

export interface VtigerSandbox {
  /** Site root, e.g. http://127.0.0.1:8081/ (append webservice.php). */
  url: string;
  port: number;
  /** The admin's user name and access key. */
  accessKey: string;
  username: string;
  control: VtigerSandboxControl;
  close(): Promise<void>;
}

const CRASH: HttpReply = { status: 500, contentType: null, body: "" };

function startKnobs(options: VtigerSandboxOptions): VtigerSandboxKnobs {
  const { port, host, users, persistFile, currencyDecimals, ...knobOptions } = options;
  return { ...structuredClone(DEFAULT_KNOBS), ...definedOnly(scalarKnobsSchema.parse(definedOnly(knobOptions))) };
}

function toHttp(reply: WsReply): HttpReply {
  if (reply.kind === "raw") return { ...reply.failure };
  return { status: 200, contentType: "application/json", body: phpJsonEncode(reply.payload) };
}

export async function startVtigerSandbox(options: VtigerSandboxOptions = {}): Promise<VtigerSandbox> {
  const admin = {
    userName: options.users?.admin?.userName ?? "admin",
    accessKey: options.users?.admin?.accessKey ?? process.env.SANDBOX_VTIGER_ACCESS_KEY ?? DEFAULT_ACCESS_KEY,
  };
  const sales = {
    userName: options.users?.sales?.userName ?? "sales",
    accessKey: options.users?.sales?.accessKey ?? DEFAULT_SALES_ACCESS_KEY,
  };
  const engine = new Engine({
    seed: { admin, sales, currencyDecimals: options.currencyDecimals ?? 2 },
    knobs: startKnobs(options),
    persistFile: options.persistFile,
  });
  const control = createControl(engine);
  const queue = new KeyedQueue();
  /** Latency waits and hung requests (their early ends), cut short when the sandbox closes. */
  const waits = new Set<() => void>();

  /** Waits `ms`, or less if the client hangs up (`hangUp`) or the sandbox closes (a plain timer: it runs on every call). */
  function pause(ms: number, hangUp?: ServerResponse): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        waits.delete(end);
        hangUp?.off("close", end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      waits.add(end);
      hangUp?.once("close", end);
    });
  }

  /** One webservice call inside its session's queue: latency, then the fault decision, then the work. */
  async function serve(request: WsRequest, operation: string, response: ServerResponse): Promise<HttpReply | "hang"> {
    const knobs = engine.knobs;
    await pause(knobs.latencyMs);
    const fault = knobs.faultsOnAllOps || isWriteOperation(operation) ? engine.faults.decide(knobs) : "none";
    if (fault !== "none") engine.stats.faults[fault]++;
    if (fault === "failBeforeWrite") return CRASH;
    if (fault === "timeout") {
      await pause(knobs.timeoutMs, response);
      return "hang";
    }
    const reply = toHttp(callWebservice(engine, request));
    return fault === "failAfterWrite" ? CRASH : reply;
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://sandbox");
    const method = incoming.method ?? "GET";
    const body = await readBody(incoming);
    if (url.pathname.startsWith("/_sandbox/")) return send(response, controlRequest(control, method, url.pathname, body));
    if (url.pathname !== "/webservice.php") {
      return send(response, { status: 404, contentType: "text/plain", body: "Not Found" });
    }
    const request: WsRequest = {
      query: lastValues(url.searchParams),
      body: method === "POST" ? await formFields(incoming.headers["content-type"], body) : {},
    };
    const operation = operationName(request);
    engine.countCall(operation);
    const outcome = await queue.run(sessionNameOf(request), () => serve(request, operation, response));
    if (outcome === "hang") response.destroy();
    else send(response, outcome);
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      console.error("[vtiger sandbox] request failed", error);
      if (!response.headersSent) send(response, CRASH);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" ? "127.0.0.1" : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    accessKey: admin.accessKey,
    username: admin.userName,
    control,
    async close() {
      for (const end of waits) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      engine.close();
    },
  };
}
