"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { ensureConnection } from "@/lib/settings/connection";
import { replayEvents, resendShopRecord } from "@/lib/jobs/journal";

export const replayAction = adminAction(z.object({ ids: z.union([z.array(z.number().int().positive()).min(1).max(500), z.literal("all-failed")]) }), async ({ ids }) => {
  const count = await replayEvents((await ensureConnection()).id, ids);
  revalidatePath("/journal");
  return { count };
});

export const resendAction = adminAction(z.object({ entity: z.enum(["customer", "order", "product"]), id: z.number().int().positive() }), async ({ entity, id }) => {
  const eventId = await resendShopRecord((await ensureConnection()).id, entity, id);
  revalidatePath("/journal");
  return { eventId };
});
