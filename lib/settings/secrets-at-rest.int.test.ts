import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A real SQLite file in a fresh data folder; modules are imported after the env points there.
const dir = mkdtempSync(path.join(tmpdir(), "connector-secrets-"));
process.env.CONNECTOR_DATA_DIR = dir;
delete process.env.DATABASE_URL;
delete process.env.CONNECTOR_MASTER_KEY;

const ACCESS_KEY = "Zq8SecretAccessKey";

describe("secrets at rest", () => {
  let mod: typeof import("./connection");
  beforeAll(async () => {
    (await import("@/lib/db/migrate")).applyMigrations();
    mod = await import("./connection");
  });
  afterAll(async () => {
    await (await import("@/lib/db/prisma")).prisma.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores the CRM access key encrypted: the raw database file does not contain it", async () => {
    const connection = await mod.ensureConnection();
    const saved = await mod.saveCrmCredentials(connection.id, { url: "http://crm.example/", username: "admin", accessKey: ACCESS_KEY });
    const { prisma } = await import("@/lib/db/prisma");
    await prisma.$executeRawUnsafe("PRAGMA wal_checkpoint(FULL)").catch(() => undefined);

    const raw = Buffer.concat(
      ["connector.db", "connector.db-wal"].flatMap((f) => {
        try {
          return [readFileSync(path.join(dir, f))];
        } catch {
          return [];
        }
      }),
    );
    expect(raw.includes(Buffer.from("crm.example"))).toBe(true); // the file really holds our row
    expect(raw.includes(Buffer.from(ACCESS_KEY))).toBe(false);
    expect(raw.includes(Buffer.from(Buffer.from(ACCESS_KEY).toString("base64")))).toBe(false);

    expect(saved.crmAccessKeyEnc).toMatch(/^v1:/);
    expect(mod.crmCredentials(saved)?.accessKey).toBe(ACCESS_KEY);
    expect(JSON.stringify(mod.publicCrmSettings(saved))).not.toContain(ACCESS_KEY);
  });

  it("keeps the generated master key readable by its owner only", () => {
    expect(statSync(path.join(dir, "master.key")).mode & 0o777).toBe(0o600);
  });
});
