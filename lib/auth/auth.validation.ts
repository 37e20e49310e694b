import { z } from "zod";
import { i18nMessage } from "@/lib/i18n/encoded";
import { MIN_PASSWORD_LENGTH } from "./password";

export const signInSchema = z.object({ password: z.string().min(1, i18nMessage("auth.wrongPassword")).max(1024) });

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, i18nMessage("auth.passwordTooShort", { min: MIN_PASSWORD_LENGTH }))
  .max(1024);

export const setupSchema = z
  .object({ code: z.string().trim().min(1, i18nMessage("auth.wrongSetupCode")).max(64), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: i18nMessage("auth.passwordsDiffer") });
