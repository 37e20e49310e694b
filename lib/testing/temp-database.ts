import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Points this test process at a fresh data folder (SQLite file + master key) and applies the
 * migrations. Call before importing anything that opens the database.
 */
export async function useTempDatabase(name: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), `connector-${name}-`));
  process.env.CONNECTOR_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.CONNECTOR_MASTER_KEY;
  (await import("@/lib/db/migrate")).applyMigrations();
  return {
    dir,
    cleanup: async () => {
      await (await import("@/lib/db/prisma")).prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
