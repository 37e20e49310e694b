/**
 * Runs one export run in a process of its own: `tsx lib/exports/run-cli.ts <runId> [concurrency]`,
 * with CONNECTOR_DATA_DIR naming the database's folder and EXPORT_LEASE_MS the lease. The resume
 * test SIGKILLs it mid-run, as a crash or an OOM kill would.
 */
import { runExport } from "./run";

const [runId, concurrency = "8"] = process.argv.slice(2);
const leaseMs = process.env.EXPORT_LEASE_MS ? Number(process.env.EXPORT_LEASE_MS) : undefined;
const status = await runExport(Number(runId), { concurrency: Number(concurrency), ...(leaseMs ? { leaseMs } : {}) });
console.log(status);
process.exit(0);
