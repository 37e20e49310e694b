"use client";

import { Button, Field, FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { ProbeResultPanel, ProbeSummary } from "@/components/probe-steps";
import { useTestedSettings } from "@/components/use-tested-settings";
import { shopSettingsSchema } from "@/lib/settings/shop.validation";
import type { ShopProbe } from "@/lib/settings/shop";
import { validateAndTestShop } from "./shop-actions";

export function ShopForm({ initial, lastProbe }: { initial: { url: string; hasKey: boolean }; lastProbe: ShopProbe | null }) {
  const { t, msg } = useI18n();
  const { pending, fieldErrors, formError, result: probe, submit } = useTestedSettings(shopSettingsSchema, validateAndTestShop, "shopKey", lastProbe);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        submit(e.currentTarget, { url: String(data.get("shopUrl") ?? ""), key: String(data.get("shopKey") ?? "") });
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t.shop.url} htmlFor="shopUrl" error={fieldErrors.url && msg(fieldErrors.url)}>
          <input id="shopUrl" name="shopUrl" defaultValue={initial.url} placeholder={t.shop.urlPlaceholder} className={inputClass} />
        </Field>
        <Field label={t.shop.key} htmlFor="shopKey" hint={initial.hasKey ? t.shop.keyStored : t.shop.keyMissing} error={fieldErrors.key && msg(fieldErrors.key)}>
          <input id="shopKey" name="shopKey" type="password" autoComplete="new-password" placeholder={initial.hasKey ? "••••••••••••••••••••••••••••••••" : ""} className={inputClass} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending} data-testid="validate-shop">{pending ? t.common.testing : t.connection.validateAndTest}</Button>
        {probe && !pending && (
          <ProbeSummary ok={probe.ok} steps={probe.steps} okText={`${t.connection.stepsOk} PrestaShop ${probe.version ?? ""}`} testId="shop-summary" />
        )}
      </div>
      {formError && !Object.keys(fieldErrors).length && <FormMessage kind="error">{msg(formError)}</FormMessage>}
      {probe && <ProbeResultPanel steps={probe.steps} titles={t.shop.steps} testIdPrefix="shop" />}
    </form>
  );
}
