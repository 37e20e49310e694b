/**
 * npm run worker — a sync worker process of its own (several may run against one database; each
 * claims events with a lease). Set WORKER_IN_APP=0 on the app when workers run separately.
 */
import { applyMigrations } from "../lib/db/migrate";
import { startWorkerProcess } from "../lib/jobs/runner";

applyMigrations();
startWorkerProcess();
