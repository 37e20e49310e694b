import { defaultProblem, ORDER_DATE, proposedDefault } from "@/lib/settings/default-value";
import type { SyncSettings } from "../context";
import { PermanentSyncError } from "../errors";
import type { CrmModule } from "../filled-fields";

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/**
 * R10: every mandatory field of the CRM (as the last "Validate and test" saw it) that `element`
 * leaves empty gets the admin's default, or the proposed one the Connection tab shows until the
 * admin changes it. `orderDate` is the date "@orderDate" stands for: the order's, or today's for
 * records created outside an order. A needed field without a valid default fails for good.
 */
export function withDefaults<T extends Record<string, unknown>>(
  module: CrmModule,
  element: T,
  settings: Pick<SyncSettings, "defaults" | "snapshot">,
  options: { orderDate: string },
): T {
  const filled: Record<string, unknown> = { ...element };
  for (const field of settings.snapshot.modules[module].mandatory) {
    if (!isEmpty(filled[field.name])) continue;
    const value = settings.defaults[module]?.[field.name] ?? proposedDefault(field);
    if (value === undefined || defaultProblem(field, value, settings.snapshot.idPrefixes) !== null) {
      throw new PermanentSyncError(
        `${module}: the mandatory field "${field.label}" (${field.name}) has no valid default value`,
        `Set a default for ${module} → ${field.label} on the Connection tab, then replay the event.`,
      );
    }
    filled[field.name] = value === ORDER_DATE ? options.orderDate : value;
  }
  return filled as T;
}
