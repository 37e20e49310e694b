"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { NotSignedInError, requireAdmin } from "@/lib/auth/current";
import { cancelExport, startExport, unlockCustomerExport } from "@/lib/exports/commands";
import { retryFailures } from "@/lib/exports/failures";
import { EXPORT_KINDS } from "@/lib/exports/kinds";
import { watchProgress, type ExportProgress } from "@/lib/exports/progress";
import { i18nMessage } from "@/lib/i18n/encoded";

const runInput = z.object({ runId: z.number().int().positive() });

export const startExportAction = adminAction(z.object({ kind: z.enum(EXPORT_KINDS) }), async ({ kind }) => ({ runId: await startExport(kind) }));

export const cancelExportAction = adminAction(runInput, async ({ runId }) => {
  await cancelExport(runId);
  revalidatePath("/export");
});

export const retryFailuresAction = adminAction(runInput, async ({ runId }) => {
  const result = await retryFailures(runId);
  revalidatePath("/export");
  return result;
});

export const unlockCustomersAction = adminAction(z.object({ confirmed: z.literal(true, { error: i18nMessage("export.errors.confirmUnlock") }) }), async () => {
  await unlockCustomerExport();
  revalidatePath("/export");
});

export type ProgressEvent = { ok: true; progress: ExportProgress } | { ok: false; error: string };

/**
 * Streams the run's progress about twice a second until it ends: each yielded value reaches the
 * page's `for await` loop as it comes. Checked like adminAction: signed-in admin, zod input.
 */
export async function* watchExportAction(raw: { runId: number }): AsyncGenerator<ProgressEvent, void, undefined> {
  try {
    await requireAdmin();
  } catch (err) {
    if (!(err instanceof NotSignedInError)) throw err;
    yield { ok: false, error: err.message };
    return;
  }
  const input = runInput.safeParse(raw);
  if (!input.success) {
    yield { ok: false, error: i18nMessage("export.errors.unknownRun") };
    return;
  }
  let seen = false;
  for await (const progress of watchProgress(input.data.runId)) {
    seen = true;
    yield { ok: true, progress };
  }
  if (!seen) yield { ok: false, error: i18nMessage("export.errors.unknownRun") };
}
