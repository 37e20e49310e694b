import { z } from "zod";
import { prefixSchema } from "./prefix";

export const configurationSchema = z.object({
  // "" = the API user itself (DESIGN §2: the owner defaults to the API user).
  recordOwnerId: z.string().regex(/^(\d+x\d+)?$/, "Choose the owner from the list."),
  createAccount: z.boolean(),
  createPotential: z.boolean(),
  salesOrderPrefix: prefixSchema,
  potentialPrefix: prefixSchema,
});
export type ConfigurationInput = z.infer<typeof configurationSchema>;
