"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { ensureConnection } from "@/lib/settings/connection";
import { saveAndTestShop, savePublicBaseUrl } from "@/lib/settings/shop";
import { publicBaseUrlSchema, shopSettingsSchema } from "@/lib/settings/shop.validation";
import { regenerateWebhookSecret, webhookSecret } from "@/lib/webhooks/secret";
import { refreshShopLinks } from "@/lib/settings/refresh-links";

export const validateAndTestShop = adminAction(shopSettingsSchema, async (input) => {
  const result = await saveAndTestShop(input);
  await refreshShopLinks();
  revalidatePath("/", "layout");
  return result;
});

export const savePublicBaseUrlAction = adminAction(publicBaseUrlSchema, async ({ url }) => {
  await savePublicBaseUrl(url);
  revalidatePath("/connection");
  return { url };
});

/** The secret must be pasted into the shop module, so it is shown, but only on request, never in the page. */
export const revealWebhookSecret = adminAction(z.object({}), async () => ({ secret: await webhookSecret(await ensureConnection()) }));

export const regenerateWebhookSecretAction = adminAction(z.object({ confirm: z.literal(true) }), async () => {
  const secret = await regenerateWebhookSecret(await ensureConnection());
  revalidatePath("/connection");
  return { secret };
});
