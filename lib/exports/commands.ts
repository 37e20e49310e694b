import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { i18nMessage } from "@/lib/i18n/encoded";
import { loadSyncSettings } from "@/lib/jobs/settings-loader";
import { logger } from "@/lib/log";
import { crmCredentials, ensureConnection } from "@/lib/settings/connection";
import { shopCredentials } from "@/lib/settings/shop";
import { PermanentSyncError } from "@/lib/sync/errors";
import type { ExportKind } from "./kinds";
import { runExport } from "./run";

/** Runs in the background of this process; the page follows it through the progress stream. */
function runInBackground(runId: number): void {
  runExport(runId).catch((err: unknown) => logger.error({ runId, err }, "export run crashed"));
}

/** Refuses what would fail at once: unconfigured connection, untested CRM. */
async function assertReady() {
  const connection = await ensureConnection();
  if (!crmCredentials(connection) || !shopCredentials(connection)) throw new UserFacingError(i18nMessage("export.errors.notConnected"));
  try {
    await loadSyncSettings(connection);
  } catch (err) {
    if (err instanceof PermanentSyncError) throw new UserFacingError(i18nMessage("export.errors.notTested"));
    throw err;
  }
  return connection;
}

/** Starts an export of `kind`; refused while one of that kind runs, and for customers once done (R6). */
export async function startExport(kind: ExportKind): Promise<number> {
  const connection = await assertReady();
  const runId = await prisma.$transaction(async (tx) => {
    const locked = kind === "customers" && (await tx.connection.findUniqueOrThrow({ where: { id: connection.id } })).customerExportLockedAt;
    if (locked) throw new UserFacingError(i18nMessage("export.errors.locked"));
    if (await tx.exportRun.findFirst({ where: { connectionId: connection.id, kind, status: "running" } })) {
      throw new UserFacingError(i18nMessage("export.errors.alreadyRunning"));
    }
    return (await tx.exportRun.create({ data: { connectionId: connection.id, kind } })).id;
  });
  runInBackground(runId);
  return runId;
}

export async function cancelExport(runId: number): Promise<void> {
  const { count } = await prisma.exportRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "cancelled", finishedAt: new Date() } });
  if (count === 0) throw new UserFacingError(i18nMessage("export.errors.notRunning"));
}

/** The admin's deliberate choice (confirmed in the page) to export customers once more. */
export async function unlockCustomerExport(): Promise<void> {
  const connection = await ensureConnection();
  await prisma.connection.update({ where: { id: connection.id }, data: { customerExportLockedAt: null } });
}
