/**
 * Runs once when the server starts: applies database migrations, then prepares the first run
 * (prints the one-time setup code, or creates the admin from ADMIN_PASSWORD).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { applyMigrations } = await import("./lib/db/migrate");
  applyMigrations();
  const { prepareFirstRun } = await import("./lib/auth/admin");
  const { ensureConnection } = await import("./lib/settings/connection");
  const { preconfigureDemo } = await import("./lib/settings/demo");
  await ensureConnection();
  await preconfigureDemo();
  const firstRun = await prepareFirstRun();
  // The sync worker runs inside the app by default; WORKER_IN_APP=0 when `npm run worker` processes run instead.
  if (process.env.WORKER_IN_APP !== "0") {
    const { startWorkerProcess } = await import("./lib/jobs/runner");
    startWorkerProcess();
  }
  // Exports left running by a restart or a crash go on from their cursor, in this process.
  const { resumeExports } = await import("./lib/exports/resume");
  await resumeExports();
  if (firstRun.setupCode) {
    console.log(`\n  No administrator yet. Open /setup and enter the one-time code.\n  Setup code: ${firstRun.setupCode}\n`);
  } else if (firstRun.createdFromEnv) {
    console.log("  Administrator password set from ADMIN_PASSWORD.");
  }
}
