"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { replayAction, resendAction } from "./actions";

export function ReplayButton({ ids, label, testId }: { ids: number[] | "all-failed"; label: string; testId?: string }) {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        data-testid={testId}
        className="px-2 py-1 text-xs"
        onClick={() =>
          startTransition(async () => {
            const result = await replayAction({ ids });
            setMessage(result.ok ? { ok: true, text: format(t.journal.replayed, { n: result.data.count }) } : { ok: false, text: msg(result.error) });
            router.refresh();
          })
        }
      >
        {label}
      </Button>
      {message && <span className={`text-xs ${message.ok ? "text-emerald-700" : "text-red-700"}`} role="status">{message.text}</span>}
    </span>
  );
}

export function ResendForm() {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [entity, setEntity] = useState<"customer" | "order" | "product">("order");
  const [id, setId] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(id);
        if (!Number.isInteger(n) || n <= 0) {
          setMessage({ kind: "error", text: `${t.journal.shopId}: 1, 2, 3…` });
          return;
        }
        startTransition(async () => {
          const result = await resendAction({ entity, id: n });
          setMessage(result.ok ? { kind: "ok", text: format(t.journal.resent, { id: result.data.eventId }) } : { kind: "error", text: msg(result.error) });
          router.refresh();
        });
      }}
    >
      <select aria-label={t.journal.entity} value={entity} onChange={(e) => setEntity(e.target.value as typeof entity)} className={`${inputClass} max-w-40`}>
        <option value="customer">{t.journal.customer}</option>
        <option value="order">{t.journal.order}</option>
        <option value="product">{t.journal.product}</option>
      </select>
      <input aria-label={t.journal.shopId} placeholder={t.journal.shopId} value={id} onChange={(e) => setId(e.target.value)} inputMode="numeric" className={`${inputClass} max-w-32`} data-testid="resend-id" />
      <Button type="submit" variant="secondary" pending={pending} data-testid="resend">{t.journal.resend}</Button>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
    </form>
  );
}
