"use client";

import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { crmSettingsSchema } from "@/lib/settings/connection.validation";
import type { ProbeResult } from "@/lib/settings/crm-snapshot";
import { validateAndTest } from "./actions";
import { ProbeResultPanel, ProbeSummary } from "@/components/probe-steps";
import { useTestedSettings } from "@/components/use-tested-settings";

interface Props {
  initial: { url: string; username: string; hasAccessKey: boolean };
  lastProbe: ProbeResult | null;
}

export function CrmForm({ initial, lastProbe }: Props) {
  const { t, msg } = useI18n();
  const { pending, fieldErrors, formError, result: probe, submit } = useTestedSettings(crmSettingsSchema, validateAndTest, "accessKey", lastProbe);

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        submit(e.currentTarget, { url: String(data.get("url") ?? ""), username: String(data.get("username") ?? ""), accessKey: String(data.get("accessKey") ?? "") });
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
          <ProbeSummary ok={probe.ok} steps={probe.steps} okText={t.connection.stepsOk} testId="probe-summary" />
        )}
      </div>
      {formError && !Object.keys(fieldErrors).length && <FormMessage kind="error">{msg(formError)}</FormMessage>}
      {probe && <ProbeResultPanel steps={probe.steps} titles={t.probe.steps} testIdPrefix="probe" />}
    </form>
  );
}
