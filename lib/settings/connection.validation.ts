import { z } from "zod";
import { normaliseVtigerUrl } from "@/lib/vtiger/url";
import { CRM_MODULES } from "@/lib/sync/filled-fields";

/** The CRM part of the Connection tab; the same schema checks the form in the browser and on the server. */
export const crmSettingsSchema = z.object({
  url: z.string().transform((value, ctx) => {
    try {
      return normaliseVtigerUrl(value);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  }),
  username: z.string().trim().min(1, "Enter the CRM user name (the one you sign in to vtiger with).").max(100),
  // Empty means "keep the stored key": the key is never sent back to the browser to be re-submitted.
  accessKey: z.string().trim().max(64).optional(),
});

export const mandatoryDefaultInputSchema = z.object({
  module: z.enum(CRM_MODULES),
  field: z.string().min(1).max(100),
  value: z.string().max(255),
  label: z.string().max(255).optional(),
});

export const recordSearchSchema = z.object({
  module: z.enum(CRM_MODULES),
  field: z.string().min(1).max(100),
  q: z.string().trim().min(1).max(100),
});
