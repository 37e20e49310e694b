"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, FormMessage } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { DEMO_ACTIONS } from "@/lib/settings/demo-actions";
import { triggerDemoActionAction } from "./demo-actions";

export function DemoShop() {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [log, setLog] = useState<{ ok: boolean; text: string }[]>([]);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {DEMO_ACTIONS.map((action) => (
          <Button
            key={action}
            type="button"
            variant="secondary"
            disabled={pending}
            data-testid={`demo-${action}`}
            onClick={() =>
              startTransition(async () => {
                const result = await triggerDemoActionAction({ action });
                const line = result.ok
                  ? { ok: result.data.status === 202 || result.data.status === 200, text: format(t.demo.answered, { type: result.data.type, id: result.data.id, status: result.data.status ?? "—" }) }
                  : { ok: false, text: msg(result.error) };
                setLog((l) => [line, ...l].slice(0, 5));
                router.refresh();
              })
            }
          >
            {t.demo[action]}
          </Button>
        ))}
      </div>
      {log.map((line, i) => (
        <FormMessage key={i} kind={line.ok ? "ok" : "error"} testId={i === 0 ? "demo-last" : undefined}>{line.text}</FormMessage>
      ))}
    </div>
  );
}
