import { prisma } from "./prisma";

/** Database reachable and migrated: the last applied migration names the schema version. */
export async function databaseStatus(): Promise<{ ok: boolean; detail: string }> {
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1",
    );
    const name = rows[0]?.migration_name;
    return name ? { ok: true, detail: name } : { ok: false, detail: "No migration applied: run npm run start (migrations apply at start)." };
  } catch (err) {
    return { ok: false, detail: `The database cannot be read: ${(err as Error).message}` };
  }
}
