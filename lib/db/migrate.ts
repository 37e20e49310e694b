import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { dataDir, databaseUrl } from "./url";

/**
 * Applies the committed migrations (prisma/migrations) with Prisma's own CLI, which works offline
 * with its JavaScript engine. Idempotent: already-applied migrations are skipped. Quiet unless it fails.
 */
export function applyMigrations(): void {
  mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prismaBin, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl() }, stdio: "pipe" });
  } catch (err) {
    const output = [(err as { stdout?: Buffer }).stdout, (err as { stderr?: Buffer }).stderr].map((b) => b?.toString() ?? "").join("\n");
    throw new Error(`Database migrations failed:\n${output.trim()}`);
  }
  useWriteAheadLog();
}

/**
 * The app, the worker processes and the tests share one SQLite file. In WAL mode readers never
 * wait for a writer, and the setting is stored in the file, so every later connection has it.
 */
function useWriteAheadLog(): void {
  const url = databaseUrl();
  if (!url.startsWith("file:")) return;
  const db = new Database(url.slice("file:".length));
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
