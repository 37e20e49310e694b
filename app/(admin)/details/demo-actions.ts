"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { triggerDemoAction } from "@/lib/settings/demo";
import { DEMO_ACTIONS } from "@/lib/settings/demo-actions";

export const triggerDemoActionAction = adminAction(z.object({ action: z.enum(DEMO_ACTIONS) }), async ({ action }) => {
  const answer = await triggerDemoAction(action);
  revalidatePath("/details");
  return { type: answer.event.type, id: answer.event.id, status: answer.connectorStatus };
});
