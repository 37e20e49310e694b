/**
 * `npx tsx sandbox/perf.ts [--only vtiger|prestashop] [--sizes 10000,100000] [--root DIR] [--quick] [--prof]`:
 * how fast the two sandboxes answer the benchmark's request mixes (bench/run.ts), each sandbox in a
 * process of its own as the benchmark starts it. Prints calls/s with 8 concurrent vtiger sessions at
 * 20 ms latency (creates, then `IN (…100 values)` queries) once the CRM holds each size, the sandbox's
 * CPU per call (from /proc, so Linux only), PrestaShop page latencies at latency 0, and the shop's
 * generation time and memory. `--root` runs another copy of the repository (before/after), `--quick`
 * sends fewer IN queries (for slow versions), `--prof` writes the sandboxes' CPU profiles to
 * /tmp/sandbox-prof. Not a test: numbers depend on the machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request as httpRequestRaw } from "node:http";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { md5Hex } from "./vtiger/php.ts";

const { values: args } = parseArgs({
  options: {
    only: { type: "string" },
    sizes: { type: "string", default: "10000,100000" },
    root: { type: "string", default: resolve(dirname(fileURLToPath(import.meta.url)), "..") },
    prof: { type: "boolean", default: false },
    /** Fewer IN queries (for slow versions). */
    quick: { type: "boolean", default: false },
  },
});
const ROOT = args.root;
const SIZES = args.sizes.split(",").map(Number);
const SESSIONS = 8;
const LATENCY_MS = 20;
const QUERY_CALLS = args.quick ? 40 : 400;

// ---------------------------------------------------------------- processes

interface Child {
  url: string;
  banner: string;
  process: ChildProcess;
  startedMs: number;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `node --import tsx script` directly (not npx), so the pid is the sandbox's own for /proc reads. */
async function startChild(script: string, portVariable: string, env: Record<string, string>, ready: RegExp): Promise<Child> {
  const port = await freePort();
  const profile = args.prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sandbox-prof"] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    cwd: ROOT,
    env: { ...process.env, ...env, [portVariable]: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const banner = await new Promise<string>((done, fail) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) done(output);
    });
    child.once("exit", (code) => fail(new Error(`${script} exited (${code}):\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, banner, process: child, startedMs: performance.now() - started };
}

function stopChild(child: Child): Promise<void> {
  return new Promise((done) => {
    child.process.once("exit", () => done());
    child.process.kill("SIGTERM");
  });
}

const TICK_MS = 1000 / 100; // USER_HZ

/** User + system CPU time of a process so far, in ms (all its threads, GC included). */
function cpuMs(child: Child): number {
  const stat = readFileSync(`/proc/${child.process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Current and peak resident memory of a process, in MB. */
function memoryMb(child: Child): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${child.process.pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

async function control(url: string, method: "GET" | "POST", route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(`_sandbox/${route}`, url), { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  return response.json();
}

interface Phase {
  calls: number;
  seconds: number;
  cpuMs: number;
  /** This script's own CPU (the HTTP clients), which shares the machine with the sandbox. */
  clientCpuMs: number;
}

/** Runs `work`, measuring wall time and the child's CPU. */
async function phase(child: Child, work: () => Promise<number>): Promise<Phase> {
  const cpuBefore = cpuMs(child);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const calls = await work();
  const seconds = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientBefore);
  return { calls, seconds, cpuMs: cpuMs(child) - cpuBefore, clientCpuMs: (client.user + client.system) / 1000 };
}

const describePhase = (p: Phase) =>
  `${(p.calls / p.seconds).toFixed(1).padStart(7)} calls/s, ${(p.cpuMs / p.calls).toFixed(2).padStart(6)} ms CPU/call (${p.calls} calls in ${p.seconds.toFixed(2)} s; client ${(p.clientCpuMs / p.calls).toFixed(2)} ms CPU/call)`;

/** node:http with keep-alive: a lighter client than fetch, so the sandbox's CPU dominates what is measured. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function httpRequest(method: "GET" | "POST", url: string, form?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const formHeaders = form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(form)) };
    const request = httpRequestRaw(url, { method, agent, headers: { ...headers, ...formHeaders } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", fail);
    });
    request.on("error", fail);
    request.end(form);
  });
}

// ---------------------------------------------------------------- vtiger

class Session {
  name = "";
  constructor(private readonly endpoint: string) {}

  async call(method: "GET" | "POST", params: Record<string, string>): Promise<{ success: boolean; result?: any; error?: { code: string } }> {
    const form = new URLSearchParams(this.name ? { sessionName: this.name, ...params } : params).toString();
    const { status, body } =
      method === "GET" ? await httpRequest("GET", `${this.endpoint}?${form}`) : await httpRequest("POST", this.endpoint, form);
    if (status !== 200) throw new Error(`HTTP ${status}`);
    return JSON.parse(body) as any;
  }

  async login(user: string, accessKey: string): Promise<void> {
    const challenge = await this.call("GET", { operation: "getchallenge", username: user });
    const login = await this.call("POST", { operation: "login", username: user, accessKey: md5Hex(challenge.result.token + accessKey) });
    if (!login.success) throw new Error(`login: ${JSON.stringify(login.error)}`);
    this.name = login.result.sessionName;
  }

  async checked(method: "GET" | "POST", params: Record<string, string>): Promise<any> {
    const answer = await this.call(method, params);
    if (!answer.success) throw new Error(`${params.operation}: ${JSON.stringify(answer.error)}`);
    return answer.result;
  }
}

type Module = "Contacts" | "Leads" | "Accounts" | "Products";

/** The module of the n-th created record: the benchmark's customers/products mix, roughly. */
const MIX: Module[] = ["Contacts", "Leads", "Contacts", "Leads", "Products", "Accounts", "Contacts", "Leads", "Products", "Contacts"];

const email = (n: number) => `customer${n}@example.com`;
const code = (n: number) => `REF-${String(n).padStart(6, "0")}`;

function element(module: Module, n: number, owner: string): Record<string, string> {
  switch (module) {
    case "Contacts":
      return { firstname: "Anne", lastname: `Martin ${n}`, email: email(n), mailingcity: "Lyon", mailingzip: "69001", mailingstreet: "1 rue de la Paix", assigned_user_id: owner };
    case "Leads":
      return { firstname: "Paul", lastname: `Durand ${n}`, email: email(n), company: "", city: "Paris", code: "75001", lane: "2 avenue Foch", assigned_user_id: owner };
    case "Accounts":
      return { accountname: `Société Dupont ${n}`, email1: email(n), bill_city: "Nantes", bill_code: "44000", assigned_user_id: owner };
    case "Products":
      return { productname: `Mug ${n}`, productcode: code(n), unit_price: "12.50", discontinued: "1", qtyinstock: "7", assigned_user_id: owner };
  }
}

/** Where the IN queries look: module, field, and how the n-th record's value is written. */
const LOOKUPS: Array<{ module: Module; field: string; extra?: string; value: (n: number) => string }> = [
  { module: "Contacts", field: "email", value: email },
  { module: "Leads", field: "email", value: email },
  { module: "Accounts", field: "email1", extra: "accountname", value: email },
  { module: "Accounts", field: "accountname", value: (n) => `Société Dupont ${n}` },
  { module: "Products", field: "productcode", value: code },
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** 100 values, half of them stored (spread over the store), half unknown. */
function inQuery(lookup: (typeof LOOKUPS)[number], stored: number, salt: number): string {
  const values: string[] = [];
  for (let i = 0; i < 100; i++) {
    const n = i % 2 === 0 ? 1 + ((salt * 7919 + i * 104729) % Math.max(stored, 1)) : stored + 1_000_000 + salt * 100 + i;
    values.push(quote(lookup.value(n)));
  }
  const fields = [lookup.field, ...(lookup.extra ? [lookup.extra] : [])].join(", ");
  return `SELECT ${fields} FROM ${lookup.module} WHERE ${lookup.field} IN (${values.join(",")}) ORDER BY id;`;
}

async function vtigerPerf(): Promise<void> {
  console.log(`\n== vtiger (${ROOT})`);
  const child = await startChild("sandbox/vtiger/main.ts", "SANDBOX_VTIGER_PORT", { SANDBOX_VTIGER_LATENCY_MS: "0" }, /access key: \S+/);
  try {
    const user = /user: (\S+)/.exec(child.banner)?.[1] ?? "admin";
    const key = /access key: (\S+)/.exec(child.banner)?.[1] ?? "";
    const endpoint = new URL("webservice.php", child.url).toString();
    // One challenge token per user: logins one after the other (concurrent ones race, as in vtiger).
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const session = new Session(endpoint);
      await session.login(user, key);
      sessions.push(session);
    }
    const owner = "19x1";
    let created = 0;

    /** About `count` creates, spread over the sessions, modules in the MIX order. */
    const creates = async (count: number) => {
      const per = Math.ceil(count / SESSIONS);
      await Promise.all(
        sessions.map(async (session) => {
          for (let i = 0; i < per; i++) {
            const n = ++created;
            const module = MIX[n % MIX.length] as Module;
            await session.checked("POST", { operation: "create", elementType: module, element: JSON.stringify(element(module, n, owner)) });
          }
        }),
      );
      return per * SESSIONS;
    };
    const queries = async (count: number) => {
      const per = Math.ceil(count / SESSIONS);
      let found = 0;
      await Promise.all(
        sessions.map(async (session, s) => {
          for (let i = 0; i < per; i++) {
            const lookup = LOOKUPS[(s + i) % LOOKUPS.length] as (typeof LOOKUPS)[number];
            const rows = (await session.checked("GET", { operation: "query", query: inQuery(lookup, created, s * 1000 + i) })) as unknown[];
            found += rows.length;
          }
        }),
      );
      if (found === 0) throw new Error("the IN queries found nothing");
      return per * SESSIONS;
    };

    for (const size of SIZES) {
      await control(child.url, "POST", "config", { latencyMs: 0 });
      const preload = await phase(child, () => creates(size - created));
      console.log(`preload to ${created} records, latency 0: ${describePhase(preload)}`);
      console.log(`  memory ${JSON.stringify(memoryMb(child))} MB`);
      const cpuBound = await phase(child, () => queries(QUERY_CALLS / 2));
      console.log(`  IN queries, latency 0:         ${describePhase(cpuBound)}`);
      await control(child.url, "POST", "config", { latencyMs: LATENCY_MS });
      const createPhase = await phase(child, () => creates(800));
      console.log(`  creates, ${SESSIONS} sessions, ${LATENCY_MS} ms:   ${describePhase(createPhase)}`);
      const queryPhase = await phase(child, () => queries(QUERY_CALLS));
      console.log(`  IN queries, ${SESSIONS} sessions, ${LATENCY_MS} ms: ${describePhase(queryPhase)}`);
      console.log(`  (bound: ${(SESSIONS * 1000) / LATENCY_MS} calls/s)`);
    }
    const stateStarted = performance.now();
    await control(child.url, "GET", "state");
    console.log(`control GET state: ${(performance.now() - stateStarted).toFixed(0)} ms`);
  } finally {
    await stopChild(child);
  }
}

// ---------------------------------------------------------------- PrestaShop

const bracket = (text: string) => encodeURIComponent(text);

async function prestashopPerf(size: number): Promise<void> {
  console.log(`\n== PrestaShop, ${size} customers and ${size} products (${ROOT})`);
  const child = await startChild(
    "sandbox/prestashop/main.ts",
    "SANDBOX_PRESTASHOP_PORT",
    { SANDBOX_PRESTASHOP_CUSTOMERS: String(size), SANDBOX_PRESTASHOP_PRODUCTS: String(size) },
    /control: /,
  );
  try {
    console.log(`generated and listening in ${(child.startedMs / 1000).toFixed(1)} s, memory ${JSON.stringify(memoryMb(child))} MB`);
    console.log(child.banner.split("\n").find((line) => line.includes("data:"))?.trim());
    const key = /key: (\S+)/.exec(child.banner)?.[1] ?? "";
    const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    const get = async (path: string): Promise<any> => {
      const { status, body } = await httpRequest("GET", `${child.url}api/${path}${path.includes("?") ? "&" : "?"}output_format=JSON`, undefined, { authorization });
      if (status !== 200) throw new Error(`${path.slice(0, 120)}: HTTP ${status} ${body.slice(0, 200)}`);
      return JSON.parse(body);
    };

    /** Runs one request `times` times (sequentially, latency 0): median wall ms and mean sandbox CPU ms per request. */
    const time = async (label: string, path: string, times = 20) => {
      await get(path); // warm-up (lazy indexes, JIT)
      const walls: number[] = [];
      const measured = await phase(child, async () => {
        for (let i = 0; i < times; i++) {
          const started = performance.now();
          await get(path);
          walls.push(performance.now() - started);
        }
        return times;
      });
      const median = walls.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
      console.log(`  ${label.padEnd(44)} ${median.toFixed(1).padStart(7)} ms/request (median), ${(measured.cpuMs / times).toFixed(1).padStart(6)} ms CPU (mean)`);
    };

    const middle = Math.floor(size / 2);
    const page = await get(`customers?display=full&filter[id]=${bracket(`>[${middle}]`)}&sort=${bracket("[id_ASC]")}&limit=100`);
    const ids = (page.customers as Array<{ id: number }>).map((c) => c.id);
    const productPage = await get(`products?display=full&filter[id]=${bracket(`>[${middle}]`)}&sort=${bracket("[id_ASC]")}&limit=100`);
    const productIds = (productPage.products as Array<{ id: number }>).map((p) => p.id);
    const list = (values: number[]) => bracket(`[${values.join("|")}]`);

    await time("customers first page", `customers?display=full&sort=${bracket("[id_ASC]")}&limit=100`);
    await time("customers page after id (middle)", `customers?display=full&filter[id]=${bracket(`>[${middle}]`)}&sort=${bracket("[id_ASC]")}&limit=100`);
    await time("customers page after id (end)", `customers?display=full&filter[id]=${bracket(`>[${size - 150}]`)}&sort=${bracket("[id_ASC]")}&limit=100`);
    await time("customers by 100 ids", `customers?display=full&filter[id]=${list(ids)}&sort=${bracket("[id_ASC]")}`);
    await time("addresses of 100 customers", `addresses?display=full&filter[id_customer]=${list(ids)}&filter[deleted]=0&sort=${bracket("[id_ASC]")}`);
    await time("orders of 100 customers", `orders?display=${bracket("[id,id_customer]")}&filter[id_customer]=${list(ids)}`);
    await time("products page after id (middle)", `products?display=full&filter[id]=${bracket(`>[${middle}]`)}&sort=${bracket("[id_ASC]")}&limit=100`);
    await time("stock of 100 products", `stock_availables?display=${bracket("[id_product,quantity]")}&filter[id_product]=${list(productIds)}&filter[id_product_attribute]=0`);
    await time("countries/8", "countries/8");
    await time("customers?display=[id] (count, all rows)", `customers?display=${bracket("[id]")}`, 5);
    await time("customers by email (general path)", `customers?display=full&filter[email]=${bracket("[%example%]")}&limit=100`, 5);
    console.log(`  memory after requests ${JSON.stringify(memoryMb(child))} MB`);
  } finally {
    await stopChild(child);
  }
}

if (args.only !== "prestashop") await vtigerPerf();
if (args.only !== "vtiger") for (const size of SIZES) await prestashopPerf(size);
