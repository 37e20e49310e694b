"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

/**
 * The "Validate and test" form behaviour shared by the CRM and shop settings: the server's own zod
 * schema names obvious mistakes before anything is sent; the action saves and tests; the secret
 * field is emptied afterwards (secrets are never shown back).
 */
export function useTestedSettings<S extends z.ZodType, R>(schema: S, action: (input: z.input<S>) => Promise<ActionResult<R>>, secretField: string, initial: R | null) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<R | null>(initial);

  const submit = (form: HTMLFormElement, input: z.input<S>) => {
    const local = schema.safeParse(input);
    if (!local.success) {
      setFieldErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    startTransition(async () => {
      const answer = await action(input);
      if (answer.ok) {
        setResult(answer.data);
        const secret = form.elements.namedItem(secretField) as HTMLInputElement | null;
        if (secret) secret.value = "";
        router.refresh();
      } else {
        setFormError(answer.error);
        setFieldErrors(answer.fieldErrors ?? {});
      }
    });
  };
  return { pending, fieldErrors, formError, result, submit };
}
