"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { crmSettingsSchema, mandatoryDefaultInputSchema, recordSearchSchema } from "@/lib/settings/connection.validation";
import { retestCrm, saveAndTestCrm } from "@/lib/settings/crm-connection-test";
import { saveMandatoryDefault, searchReferenceRecords } from "@/lib/settings/mandatory-default-service";
import { refreshShopLinks } from "@/lib/settings/refresh-links";

export const validateAndTest = adminAction(crmSettingsSchema, async (input) => {
  const result = await saveAndTestCrm(input);
  await refreshShopLinks();
  revalidatePath("/", "layout");
  return result;
});

export const testAgain = adminAction(z.object({}), async () => {
  const result = await retestCrm();
  revalidatePath("/", "layout");
  return result;
});

export const saveDefaultAction = adminAction(mandatoryDefaultInputSchema, async (input) => {
  const saved = await saveMandatoryDefault(input);
  revalidatePath("/", "layout");
  return saved;
});

export const searchRecordsAction = adminAction(recordSearchSchema, searchReferenceRecords);
