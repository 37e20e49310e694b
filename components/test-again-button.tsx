"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { testAgain } from "@/app/(admin)/connection/actions";
import { Button, FormMessage } from "./form";
import { useI18n } from "./i18n-provider";

export function TestAgainButton() {
  const { t, msg } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        pending={pending}
        data-testid="test-again"
        onClick={() =>
          startTransition(async () => {
            const result = await testAgain({});
            setError(result.ok ? undefined : result.error);
            router.refresh();
          })
        }
      >
        {pending ? t.common.testing : t.details.testAgain}
      </Button>
      {error && <FormMessage kind="error">{msg(error)}</FormMessage>}
    </div>
  );
}
