/**
 * The two sandboxes in processes of their own, so the benchmark's memory and CPU are the
 * exporter's alone. Each is started in its own process group, which stop() ends as a whole.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface SandboxProcess {
  url: string;
  /** What the sandbox printed on start-up (credentials are read from it). */
  banner: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForBanner(child: ChildProcess, ready: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(output);
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited (${code}) before it was ready:\n${output}`)));
  });
}

async function startSandbox(script: string, portVariable: string, env: Record<string, string>, ready: RegExp): Promise<SandboxProcess> {
  const port = await freePort();
  const child = spawn("npx", ["tsx", script], { env: { ...process.env, ...env, [portVariable]: String(port) }, stdio: ["ignore", "pipe", "inherit"], detached: true });
  const banner = await waitForBanner(child, ready);
  return {
    url: `http://127.0.0.1:${port}/`,
    banner,
    stop: () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}

export function startVtiger(latencyMs: number): Promise<SandboxProcess> {
  return startSandbox("sandbox/vtiger/main.ts", "SANDBOX_VTIGER_PORT", { SANDBOX_VTIGER_LATENCY_MS: String(latencyMs) }, /access key: \S+/);
}

export async function startPrestashop(size: { customers: number; products: number }, latencyMs: number): Promise<SandboxProcess> {
  const shop = await startSandbox(
    "sandbox/prestashop/main.ts",
    "SANDBOX_PRESTASHOP_PORT",
    { SANDBOX_PRESTASHOP_CUSTOMERS: String(size.customers), SANDBOX_PRESTASHOP_PRODUCTS: String(size.products) },
    /control: /,
  );
  // Its main.ts has no latency variable: the control API sets it.
  await control(shop.url, "POST", "config", { latencyMs });
  return shop;
}

/** A sandbox's control API (`/_sandbox/…`), the same on both. */
export async function control<T = unknown>(baseUrl: string, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`_sandbox/${route}`, baseUrl), { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }) });
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
