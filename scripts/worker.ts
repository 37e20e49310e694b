/**
 * npm run worker — a sync worker process of its own (several may run against one database; each
 * claims events with a lease). Set WORKER_IN_APP=0 on the app when workers run separately.
 */
import { applyMigrations } from "../lib/db/migrate";
import { databaseStatus } from "../lib/db/status";
import { startWorkerProcess } from "../lib/jobs/runner";

// Migrating takes the database's write lock: only do it when the app has not already done it.
if (!(await databaseStatus()).ok) applyMigrations();
startWorkerProcess();
