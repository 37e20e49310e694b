"use client";

import { useState, useTransition } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { signIn } from "../actions";

export function SignInForm() {
  const { t, msg } = useI18n();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const password = String(new FormData(e.currentTarget).get("password") ?? "");
        startTransition(async () => {
          const result = await signIn({ password });
          setError(result?.error);
        });
      }}
    >
      <Field label={t.auth.password} htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required autoFocus className={inputClass} />
      </Field>
      {error && <FormMessage kind="error" testId="sign-in-error">{msg(error)}</FormMessage>}
      <Button type="submit" pending={pending} className="w-full justify-center">{t.auth.signIn}</Button>
    </form>
  );
}
