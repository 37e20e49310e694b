"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { crmSettingsSchema } from "@/lib/settings/connection.validation";
import type { ProbeResult } from "@/lib/settings/crm-snapshot";
import { validateAndTest } from "./actions";
import { ProbeSteps } from "@/components/probe-steps";

interface Props {
  initial: { url: string; username: string; hasAccessKey: boolean };
  lastProbe: ProbeResult | null;
}

export function CrmForm({ initial, lastProbe }: Props) {
  const { t, msg } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [probe, setProbe] = useState<ProbeResult | null>(lastProbe);

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const input = { url: String(data.get("url") ?? ""), username: String(data.get("username") ?? ""), accessKey: String(data.get("accessKey") ?? "") };
        // Same schema as the server: obvious mistakes are named before anything is sent.
        const local = crmSettingsSchema.safeParse(input);
        if (!local.success) {
          setFieldErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), i.message])));
          return;
        }
        setFieldErrors({});
        setFormError(undefined);
        startTransition(async () => {
          const result = await validateAndTest(input);
          if (result.ok) {
            setProbe(result.data);
            (form.elements.namedItem("accessKey") as HTMLInputElement).value = "";
            router.refresh();
          } else {
            setFormError(result.error);
            setFieldErrors(result.fieldErrors ?? {});
          }
        });
      }}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Field label={t.connection.url} htmlFor="url" error={fieldErrors.url && msg(fieldErrors.url)}>
          <input id="url" name="url" defaultValue={initial.url} placeholder={t.connection.urlPlaceholder} className={inputClass} aria-invalid={!!fieldErrors.url} />
        </Field>
        <Field label={t.connection.username} htmlFor="username" error={fieldErrors.username && msg(fieldErrors.username)}>
          <input id="username" name="username" defaultValue={initial.username} autoComplete="off" className={inputClass} aria-invalid={!!fieldErrors.username} />
        </Field>
        <Field
          label={t.connection.accessKey}
          htmlFor="accessKey"
          hint={initial.hasAccessKey ? t.connection.accessKeyStored : t.connection.accessKeyMissing}
          error={fieldErrors.accessKey && msg(fieldErrors.accessKey)}
        >
          <input id="accessKey" name="accessKey" type="password" autoComplete="new-password" placeholder={initial.hasAccessKey ? "••••••••••••••••" : ""} className={inputClass} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending} data-testid="validate-and-test">
          {pending ? t.common.testing : t.connection.validateAndTest}
        </Button>
        {probe && !pending && (
          <span className={`text-sm font-medium ${probe.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="probe-summary">
            {probe.ok ? t.connection.stepsOk : msg(probe.steps.find((s) => s.status === "error")?.message ?? "")}
          </span>
        )}
      </div>
      {formError && !Object.keys(fieldErrors).length && <FormMessage kind="error">{msg(formError)}</FormMessage>}
      {probe && (
        <div className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-2">
          <h3 className="pt-2 text-sm font-semibold text-slate-800">{t.connection.testResult}</h3>
          <ProbeSteps steps={probe.steps} titles={t.probe.steps} testIdPrefix="probe" />
        </div>
      )}
    </form>
  );
}
