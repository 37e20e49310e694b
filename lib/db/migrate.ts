import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { dataDir, databaseUrl } from "./url";

/**
 * Applies the committed migrations (prisma/migrations) with Prisma's own CLI, which works offline
 * with its JavaScript engine. Idempotent: already-applied migrations are skipped.
 */
export function applyMigrations(): void {
  mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  execFileSync(prismaBin, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
