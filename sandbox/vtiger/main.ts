/**
 * Standalone vtiger sandbox: `npm run sandbox:vtiger`.
 * Env: SANDBOX_VTIGER_PORT (8081), SANDBOX_VTIGER_HOST (127.0.0.1), SANDBOX_VTIGER_USER (admin),
 * SANDBOX_VTIGER_ACCESS_KEY, SANDBOX_VTIGER_LATENCY_MS, SANDBOX_VTIGER_STATE_FILE.
 */
import { startVtigerSandbox } from "./server.ts";

const env = process.env;
const number = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(parsed) ? parsed : fallback;
};

const sandbox = await startVtigerSandbox({
  port: number(env.SANDBOX_VTIGER_PORT, 8081),
  host: env.SANDBOX_VTIGER_HOST || undefined,
  users: { admin: { userName: env.SANDBOX_VTIGER_USER || undefined } },
  latencyMs: number(env.SANDBOX_VTIGER_LATENCY_MS, 0),
  persistFile: env.SANDBOX_VTIGER_STATE_FILE || undefined,
});

console.log(`vtiger sandbox listening on ${sandbox.url} (webservice: ${sandbox.url}webservice.php)`);
console.log(`user: ${sandbox.username}  access key: ${sandbox.accessKey}`);
console.log(`control: ${sandbox.url}_sandbox/state`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing vtiger sandbox`);
  await sandbox.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
