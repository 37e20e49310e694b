"use client";

import { unwrapAction } from "@/lib/actions/unwrap";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Card } from "@/components/card";
import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { configurationSchema, type ConfigurationInput } from "@/lib/settings/configuration.validation";
import { prefixExample } from "@/lib/settings/prefix";
import { ownerOptionsAction, saveConfigurationAction } from "./actions";

export function ConfigurationForm({ initial, apiUser, connected }: { initial: ConfigurationInput; apiUser: string; connected: boolean }) {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  const owners = useQuery({
    queryKey: ["owner-options"],
    enabled: connected,
    queryFn: () => unwrapAction(ownerOptionsAction({})),
  });

  // Live validation with the server's own schema: the reason shows while typing.
  const check = configurationSchema.safeParse(values);
  const liveErrors: Record<string, string> = check.success ? {} : Object.fromEntries(check.error.issues.map((i) => [String(i.path[0]), i.message]));
  const errors = { ...serverErrors, ...liveErrors };
  const set = <K extends keyof ConfigurationInput>(key: K, value: ConfigurationInput[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors({});
    setMessage(undefined);
  };

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await saveConfigurationAction(values);
          if (result.ok) {
            setMessage({ kind: "ok", text: t.common.saved });
            router.refresh();
          } else {
            setServerErrors(result.fieldErrors ?? {});
            setMessage({ kind: "error", text: msg(result.error) });
          }
        });
      }}
    >
      <Card title={t.configuration.ownerTitle} intro={t.configuration.ownerIntro}>
        <select
          id="recordOwnerId"
          aria-label={t.configuration.ownerTitle}
          value={values.recordOwnerId}
          onChange={(e) => set("recordOwnerId", e.target.value)}
          className={`${inputClass} max-w-md`}
        >
          <option value="">{format(t.configuration.ownerApiUser, { user: apiUser || "?" })}</option>
          {owners.data && (
            <>
              <optgroup label={t.configuration.users}>
                {owners.data.users.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
              </optgroup>
              <optgroup label={t.configuration.groups}>
                {owners.data.groups.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
              </optgroup>
            </>
          )}
        </select>
        {owners.isError && <p className="mt-1 text-xs text-red-600">{msg(owners.error.message)}</p>}
        {errors.recordOwnerId && <p className="mt-1 text-xs text-red-600">{msg(errors.recordOwnerId)}</p>}
      </Card>

      <Card title={t.configuration.ordersTitle}>
        <div className="space-y-3">
          <Toggle id="createAccount" label={t.configuration.createAccount} checked={values.createAccount} onChange={(v) => set("createAccount", v)} />
          <Toggle id="createPotential" label={t.configuration.createPotential} checked={values.createPotential} onChange={(v) => set("createPotential", v)} />
          {values.createAccount && values.createPotential && <p className="text-xs text-slate-500">{t.configuration.bothOn}</p>}
        </div>
      </Card>

      <Card title={t.configuration.prefixesTitle} intro={t.configuration.prefixRules}>
        <div className="grid gap-4 md:grid-cols-2">
          {(["salesOrderPrefix", "potentialPrefix"] as const).map((key) => (
            <Field
              key={key}
              label={t.configuration[key]}
              htmlFor={key}
              error={errors[key] && msg(errors[key])}
              hint={<span data-testid={`${key}-example`}>{format(t.configuration.currently, { example: prefixExample(values[key]) })}</span>}
            >
              <input id={key} value={values[key]} onChange={(e) => set(key, e.target.value)} className={inputClass} aria-invalid={!!errors[key]} />
            </Field>
          ))}
        </div>
      </Card>

      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending} disabled={!check.success} data-testid="save-configuration">{t.common.save}</Button>
        {message && <FormMessage kind={message.kind} testId="configuration-message">{message.text}</FormMessage>}
      </div>
    </form>
  );
}

function Toggle({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label htmlFor={id} className="flex cursor-pointer items-center gap-3 text-sm text-slate-800">
      <input id={id} type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-indigo-600" />
      {label}
    </label>
  );
}
