import { SANDBOX_URL } from "./env";

/** Changes the running vtiger sandbox's knobs through its control interface. */
export async function configureSandbox(patch: Record<string, unknown>) {
  const response = await fetch(new URL("_sandbox/config", SANDBOX_URL), { method: "POST", body: JSON.stringify(patch) });
  if (!response.ok) throw new Error(`sandbox config refused: ${response.status} ${await response.text()}`);
}
