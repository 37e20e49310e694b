"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/result";
import { configurationSchema } from "@/lib/settings/configuration.validation";
import { listCrmCurrencies, listOwnerOptions, saveConfiguration } from "@/lib/settings/configuration";
import { fixCrmCurrency, loadCurrencyLinks, setManualCurrencyLink } from "@/lib/settings/currency-link-service";
import { loadStateMappings, saveStateMapping } from "@/lib/settings/order-state-service";

export const saveConfigurationAction = adminAction(configurationSchema, async (input) => {
  const saved = await saveConfiguration(input);
  revalidatePath("/", "layout");
  return saved;
});

export const ownerOptionsAction = adminAction(z.object({}), listOwnerOptions);
export const crmCurrenciesAction = adminAction(z.object({}), listCrmCurrencies);

export const currencyLinksAction = adminAction(z.object({}), loadCurrencyLinks);
export const setCurrencyLinkAction = adminAction(z.object({ shopCurrencyId: z.number().int().positive(), crmCurrencyId: z.string().regex(/^(\d+x\d+)?$/) }), (input) =>
  setManualCurrencyLink(input.shopCurrencyId, input.crmCurrencyId),
);
export const fixCrmCurrencyAction = adminAction(z.object({ shopCurrencyId: z.number().int().positive() }), (input) => fixCrmCurrency(input.shopCurrencyId));

export const stateMappingsAction = adminAction(z.object({}), loadStateMappings);
export const saveStateMappingAction = adminAction(
  z.object({ shopStateId: z.number().int().positive(), salesOrderStatus: z.string().max(100), invoiceStatus: z.string().max(100) }),
  saveStateMapping,
);
