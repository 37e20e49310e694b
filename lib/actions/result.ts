import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { logger } from "@/lib/log";
import { requireAdmin, NotSignedInError } from "@/lib/auth/current";
import { describeVtigerError, VtigerError } from "@/lib/vtiger/errors";

/** What every server action returns: data, or errors we chose to show (per field, or for the form). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Errors whose message is written for the admin and may be shown as is. */
export class UserFacingError extends Error {
  constructor(message: string, readonly fieldErrors?: Record<string, string>) {
    super(message);
  }
}

/**
 * Wraps a server action: the admin must be signed in, the input is parsed with the same zod schema
 * the form uses, and only UserFacingError messages reach the browser; anything else is logged with
 * an id and shown as a generic message carrying that id.
 */
export function adminAction<S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      await requireAdmin();
    } catch (err) {
      if (err instanceof NotSignedInError) return { ok: false, error: err.message };
      throw err;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
      return { ok: false, error: Object.values(fieldErrors)[0] ?? "Invalid input.", fieldErrors };
    }
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (err) {
      if (err instanceof UserFacingError) return { ok: false, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
      // CRM failures are the admin's to fix (URL, rights, outage): say what happened and what to do.
      if (err instanceof VtigerError) {
        const help = describeVtigerError(err);
        return { ok: false, error: `${help.message} ${help.fix}` };
      }
      const id = randomUUID().slice(0, 8);
      logger.error({ errorId: id, err }, "server action failed");
      return { ok: false, error: `Something went wrong on the server (error id ${id}). The details are in the server log.` };
    }
  };
}
