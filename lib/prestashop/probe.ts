/**
 * "Validate and test" for the shop: walks the steps a working connection needs – the address
 * answers, it is a PrestaShop webservice, the key is accepted, every resource the connector reads
 * is allowed, the version is supported – stops at the first gate that fails and says how to fix it.
 * One small list request per resource (`display=[id]&limit=1`) proves read access; the JSON root
 * listing would be one request, but it crashes PrestaShop 8.1 on PHP 8.2 (§6.2).
 */
import {
  describePrestashopError,
  PrestashopAnswerError,
  PrestashopAuthError,
  PrestashopDisabledError,
  PrestashopPermissionError,
  PrestashopProtocolError,
  PrestashopServerError,
} from "./errors";
import { listQueryString } from "./query";
import { READ_RESOURCES, type ReadResource } from "./resources";
import type { WsAnswer, WsRequest } from "./transport";
import { webserviceUrl } from "./url";

const GATES = ["reach", "webservice", "key"] as const;
type Gate = (typeof GATES)[number];
export type PrestashopProbeStepId = "url" | Gate | ReadResource | "version";

export interface PrestashopProbeStep {
  id: PrestashopProbeStepId;
  status: "ok" | "warn" | "error" | "skipped";
  message: string;
  fix?: string;
}

export interface PrestashopProbeResult {
  /** True when no step failed (warnings allowed). */
  ok: boolean;
  /** PrestaShop version from the PSWS-Version header, null when the shop did not say. */
  version: string | null;
  steps: PrestashopProbeStep[];
}

/** JSON output exists from 1.6.0.9 (§4). */
const OLDEST_SUPPORTED = [1, 6, 0, 9];
const NEWEST_TESTED_MAJOR = 9;
const PROBE_QUERY = listQueryString({ display: ["id"], limit: 1 });

export async function runProbe(base: string, send: (request: WsRequest) => Promise<WsAnswer>): Promise<PrestashopProbeResult> {
  const steps: PrestashopProbeStep[] = [{ id: "url", status: "ok", message: `Shop address: ${base}` }];
  let version: string | undefined;
  let recognised = false;
  /** Reads one row; resolves to the failure, or undefined when the resource is readable. */
  const read = async (resource: string, url?: string): Promise<unknown> => {
    try {
      const answer = await send({ resource, query: PROBE_QUERY, ...(url ? { url } : {}) });
      version ??= answer.version;
      recognised ||= answer.fromPrestashop;
      return undefined;
    } catch (err) {
      if (err instanceof PrestashopAnswerError) version ??= err.version;
      return err ?? new Error("unknown failure");
    }
  };
  const finish = (): PrestashopProbeResult => ({
    ok: steps.every((step) => step.status === "ok" || step.status === "warn"),
    version: version ?? null,
    steps,
  });

  const first = await read("customers");
  const gate = first === undefined ? undefined : failedGate(first);
  for (const id of GATES) {
    if (id === gate) {
      steps.push({ id, status: "error", ...(await explain(first, base, read)) });
      break;
    }
    if (id === "webservice" && first === undefined && !recognised) {
      // A list came back, but without PrestaShop's headers: another application's /api/, or a proxy stripping them.
      steps.push({
        id,
        status: "warn",
        message: `${webserviceUrl(base)} answers like the PrestaShop webservice, but without its headers (X-Powered-By, PSWS-Version).`,
        fix: "Check that the address is the shop's; if a proxy sits in front of the shop, let it pass these headers.",
      });
      continue;
    }
    steps.push({ id, status: "ok", message: gateMessage(id, base) });
  }
  if (gate !== undefined) {
    for (const id of [...GATES.slice(GATES.indexOf(gate) + 1), ...READ_RESOURCES, "version" as const]) {
      steps.push({ id, status: "skipped", message: "Not tested: an earlier step failed." });
    }
    return finish();
  }

  const failures = await Promise.all(READ_RESOURCES.map((resource) => (resource === "customers" ? first : read(resource))));
  READ_RESOURCES.forEach((resource, index) => {
    const failure = failures[index];
    if (failure === undefined) {
      steps.push({ id: resource, status: "ok", message: `The key may read ${resource}.` });
    } else {
      const { message, fix } = describePrestashopError(failure);
      steps.push({ id: resource, status: "error", message, fix });
    }
  });
  steps.push(versionStep(version));
  return finish();
}

/** Which gate a failure of the first request belongs to; undefined when it only concerns the resource. */
function failedGate(err: unknown): Gate | undefined {
  if (err instanceof PrestashopProtocolError || err instanceof PrestashopDisabledError || err instanceof PrestashopServerError) {
    return "webservice";
  }
  if (err instanceof PrestashopAuthError) return err.problem === "web-server" ? "webservice" : "key";
  if (err instanceof PrestashopPermissionError) return err.problem === "shop" ? "key" : undefined;
  if (err instanceof PrestashopAnswerError) return undefined;
  // Timeouts, network errors, and anything unexpected: the shop was not (usably) reached.
  return "reach";
}

function gateMessage(gate: Gate, base: string): string {
  switch (gate) {
    case "reach":
      return `The shop answers at ${new URL(base).host}.`;
    case "webservice":
      return `The PrestaShop webservice answers at ${webserviceUrl(base)}.`;
    case "key":
      return "The webservice key is accepted.";
  }
}

/**
 * The failure as message and fix. A non-PrestaShop answer at api/ gets one more request: when the
 * dispatcher behind api/ answers directly, the address is right and only the rewrite rule is
 * missing (typical of nginx, which ignores PrestaShop's .htaccess).
 */
async function explain(
  err: unknown,
  base: string,
  read: (resource: string, url?: string) => Promise<unknown>,
): Promise<{ message: string; fix: string }> {
  const help = describePrestashopError(err);
  if (!(err instanceof PrestashopProtocolError) || err.problem === "xml" || err.location !== undefined || err.status >= 500) {
    return help;
  }
  const direct = await read("customers", `${base}webservice/dispatcher.php?url=customers&output_format=JSON&${PROBE_QUERY}`);
  const prestashopAnswered =
    direct === undefined ||
    (direct instanceof PrestashopAnswerError && !(direct instanceof PrestashopProtocolError) && direct.errors.length > 0) ||
    (direct instanceof PrestashopAuthError && direct.problem === "not-received");
  if (!prestashopAnswered) return help;
  return {
    message: `The webservice answers at ${base}webservice/dispatcher.php, but ${webserviceUrl(base)} does not lead to it.`,
    fix: "Route /api/ to the webservice: on Apache, check that mod_rewrite is on and .htaccess files are allowed, then regenerate .htaccess (Shop Parameters › Traffic & SEO, save); on nginx, add `rewrite ^/api/?(.*)$ /webservice/dispatcher.php?url=$1 last;` to the server block.",
  };
}

function versionStep(version: string | undefined): PrestashopProbeStep {
  if (version === undefined) {
    return { id: "version", status: "warn", message: "The shop did not tell its PrestaShop version (no PSWS-Version header)." };
  }
  const parts = version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  if (compareVersions(parts, OLDEST_SUPPORTED) < 0) {
    return {
      id: "version",
      status: "error",
      message: `PrestaShop ${version} is too old: the connector needs JSON output, which exists from 1.6.0.9.`,
      fix: "Update PrestaShop to 1.6.0.9 or later.",
    };
  }
  if ((parts[0] ?? 0) > NEWEST_TESTED_MAJOR) {
    return { id: "version", status: "warn", message: `PrestaShop ${version} is newer than the versions the connector was tested with (up to ${NEWEST_TESTED_MAJOR}.x).` };
  }
  return { id: "version", status: "ok", message: `PrestaShop ${version}.` };
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
