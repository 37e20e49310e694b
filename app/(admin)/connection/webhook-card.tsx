"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { regenerateWebhookSecretAction, revealWebhookSecret, savePublicBaseUrlAction } from "./shop-actions";

export function WebhookCard({ publicBaseUrl, origin, webhookUrl }: { publicBaseUrl: string; origin: string; webhookUrl: string }) {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [base, setBase] = useState(publicBaseUrl);
  const [secret, setSecret] = useState<string>();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();

  const copy = async (text: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setMessage({ kind: "ok", text: t.shop.copied });
  };
  const fetchSecret = async () => {
    const result = await revealWebhookSecret({});
    if (!result.ok) {
      setMessage({ kind: "error", text: msg(result.error) });
      return undefined;
    }
    return result.data.secret;
  };

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await savePublicBaseUrlAction({ url: base });
            setMessage(result.ok ? { kind: "ok", text: t.common.saved } : { kind: "error", text: msg(result.error) });
            if (result.ok) router.refresh();
          });
        }}
      >
        <div className="min-w-72 flex-1">
          <Field label={t.shop.publicBaseUrl} htmlFor="publicBaseUrl" hint={format(t.shop.publicBaseUrlHint, { origin })}>
            <input id="publicBaseUrl" value={base} placeholder={origin} onChange={(e) => setBase(e.target.value)} className={inputClass} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" pending={pending} className="mb-5">{t.common.save}</Button>
      </form>

      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t.shop.webhookUrl} htmlFor="webhookUrl">
          <div className="flex gap-2">
            <input id="webhookUrl" readOnly value={webhookUrl} className={`${inputClass} font-mono text-xs`} data-testid="webhook-url" />
            <Button type="button" variant="secondary" onClick={() => copy(webhookUrl)}>{t.shop.copy}</Button>
          </div>
        </Field>
        <Field label={t.shop.secret} htmlFor="webhookSecret">
          <div className="flex flex-wrap gap-2">
            <input id="webhookSecret" readOnly value={secret ?? "••••••••••••••••••••••••••••••••"} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} data-testid="webhook-secret" />
            <Button type="button" variant="secondary" data-testid="reveal-secret" onClick={() => startTransition(async () => setSecret(secret ? undefined : await fetchSecret()))}>
              {secret ? t.shop.hide : t.shop.reveal}
            </Button>
            <Button type="button" variant="secondary" onClick={() => startTransition(async () => { const s = secret ?? (await fetchSecret()); if (s) await copy(s); })}>
              {t.shop.copy}
            </Button>
            <Button
              type="button"
              variant="secondary"
              data-testid="regenerate-secret"
              onClick={() => {
                if (!window.confirm(t.shop.regenerateConfirm)) return;
                startTransition(async () => {
                  const result = await regenerateWebhookSecretAction({ confirm: true });
                  if (result.ok) {
                    setSecret(result.data.secret);
                    setMessage({ kind: "ok", text: t.shop.regenerated });
                  } else setMessage({ kind: "error", text: msg(result.error) });
                });
              }}
            >
              {t.shop.regenerate}
            </Button>
          </div>
        </Field>
      </div>
      {message && <FormMessage kind={message.kind} testId="webhook-message">{message.text}</FormMessage>}
    </div>
  );
}
