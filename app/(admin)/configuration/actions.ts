"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { configurationSchema } from "@/lib/settings/configuration.validation";
import { listCrmCurrencies, listOwnerOptions, saveConfiguration } from "@/lib/settings/configuration";

export const saveConfigurationAction = adminAction(configurationSchema, async (input) => {
  const saved = await saveConfiguration(input);
  revalidatePath("/", "layout");
  return saved;
});

export const ownerOptionsAction = adminAction(z.object({}), listOwnerOptions);
export const crmCurrenciesAction = adminAction(z.object({}), listCrmCurrencies);
