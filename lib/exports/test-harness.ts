/**
 * What the exports' integration tests run against: both sandboxes over real HTTP, wired into the
 * connection of a fresh temp SQLite database.
 */
import { useTempDatabase } from "@/lib/testing/temp-database";
import { startPrestashopSandbox, type PrestashopSandbox } from "@/sandbox/prestashop/server";
import type { SandboxRecord } from "@/sandbox/vtiger/control";
import { startVtigerSandbox, type VtigerSandbox } from "@/sandbox/vtiger/server";
import type { ExportKind } from "./kinds";

export interface ExportHarness {
  vtiger: VtigerSandbox;
  shop: PrestashopSandbox;
  dataDir: string;
  connectionId: number;
  /** A new run row, not started: tests run it in-process or in a child process. */
  newRun(kind: ExportKind): Promise<number>;
  live(module: string): SandboxRecord[];
  /** Empty CRM, no runs, links or defaults, customer export unlocked; the shop keeps what tests did. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startExportHarness(name: string, shopSize: { customers: number; products: number }): Promise<ExportHarness> {
  const database = await useTempDatabase(name);
  // Modules that open the database come after useTempDatabase pointed it at the temp folder.
  const { prisma } = await import("@/lib/db/prisma");
  const { connectSandboxes } = await import("./connect-sandboxes");

  const [vtiger, shop] = await Promise.all([startVtigerSandbox({ port: 0 }), startPrestashopSandbox({ port: 0, seed: 11, ...shopSize })]);
  const connectionId = await connectSandboxes({ url: vtiger.url, username: vtiger.username, accessKey: vtiger.accessKey }, { url: shop.url, key: shop.key });

  return {
    vtiger,
    shop,
    dataDir: database.dir,
    connectionId,
    newRun: async (kind) => (await prisma.exportRun.create({ data: { connectionId, kind } })).id,
    live: (module) => vtiger.control.records(module).filter((record) => !record.deleted),
    async reset() {
      vtiger.control.reset();
      await prisma.exportRun.deleteMany({});
      await prisma.link.deleteMany({});
      await prisma.mandatoryDefault.deleteMany({});
      await prisma.connection.update({ where: { id: connectionId }, data: { customerExportLockedAt: null } });
    },
    async close() {
      await Promise.all([vtiger.close(), shop.close()]);
      await database.cleanup();
    },
  };
}
