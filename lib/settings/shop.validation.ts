import { z } from "zod";
import { normalisePrestashopUrl } from "@/lib/prestashop/url";

const urlField = (normalise: (v: string) => string) =>
  z.string().transform((value, ctx) => {
    try {
      return normalise(value);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  });

/** The shop part of the Connection tab, checked with the same schema in the browser and on the server. */
export const shopSettingsSchema = z.object({
  url: urlField(normalisePrestashopUrl),
  // Empty keeps the stored key: it is never sent back to the browser.
  key: z.string().trim().max(64).optional(),
});

export const publicBaseUrlSchema = z.object({
  url: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === "" || /^https?:\/\/[^\s/]+/i.test(v), "Enter the connector's address as the shop reaches it, starting with http:// or https:// (or leave empty to use this page's address).")
    .transform((v) => (v === "" || v.endsWith("/") ? v : `${v}/`)),
});
