"use client";

import { useState, useTransition } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { createAdmin } from "../actions";

export function SetupForm({ passwordLabel }: { passwordLabel: string }) {
  const { t, msg } = useI18n();
  const [result, setResult] = useState<{ error: string; fieldErrors?: Record<string, string> }>();
  const [pending, startTransition] = useTransition();
  const fieldError = (name: string) => (result?.fieldErrors?.[name] ? msg(result.fieldErrors[name]) : undefined);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const input = { code: String(data.get("code") ?? ""), password: String(data.get("password") ?? ""), confirm: String(data.get("confirm") ?? "") };
        startTransition(async () => setResult(await createAdmin(input)));
      }}
    >
      <Field label={t.auth.setupCode} htmlFor="code" error={fieldError("code")}>
        <input id="code" name="code" autoComplete="off" required className={`${inputClass} font-mono uppercase`} placeholder="XXXX-XXXX-XXXX" />
      </Field>
      <Field label={passwordLabel} htmlFor="password" error={fieldError("password")}>
        <input id="password" name="password" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <Field label={t.auth.confirmPassword} htmlFor="confirm" error={fieldError("confirm")}>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      {result?.error && !result.fieldErrors && <FormMessage kind="error" testId="setup-error">{msg(result.error)}</FormMessage>}
      <Button type="submit" pending={pending} className="w-full justify-center">{t.auth.createAdmin}</Button>
    </form>
  );
}
