"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, FormMessage, inputClass } from "@/components/form";
import { StatusDot } from "@/components/status-dot";
import { useI18n } from "@/components/i18n-provider";
import type { CurrencyLinksView } from "@/lib/settings/currency-link-service";
import { unwrapAction as unwrap } from "@/lib/actions/unwrap";
import { currencyLinksAction, fixCrmCurrencyAction, setCurrencyLinkAction } from "./actions";

const KEY = ["currency-links"];


export function CurrencyLinks() {
  const { t, msg, format } = useI18n();
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => unwrap(currencyLinksAction({})) });
  const update = (data: CurrencyLinksView) => client.setQueryData(KEY, data);
  const link = useMutation({ mutationFn: (v: { shopCurrencyId: number; crmCurrencyId: string }) => unwrap(setCurrencyLinkAction(v)), onSuccess: update });
  const fix = useMutation({ mutationFn: (shopCurrencyId: number) => unwrap(fixCrmCurrencyAction({ shopCurrencyId })), onSuccess: update });

  if (query.isPending) return <p className="text-sm text-slate-500">{t.common.loading}</p>;
  if (query.isError) return <FormMessage kind="error">{msg(query.error.message)}</FormMessage>;
  const { rows, crmCurrencies, canFix, mismatch } = query.data;
  const nameOf = (id: string) => crmCurrencies.find((c) => c.id === id)?.name ?? id;
  const error = link.error ?? fix.error;

  return (
    <div className="space-y-3">
      {mismatch && (
        <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="currency-mismatch">
          <span className="mt-1"><StatusDot status="warn" /></span> {format(t.links.mismatch, mismatch)}
        </p>
      )}
      <ul className="divide-y divide-slate-100" data-testid="currency-links">
        {rows.map((row) => {
          const iso = row.shop.isoCode;
          const status = row.state.kind === "linked" ? "ok" : "error";
          return (
            <li key={row.shop.id} className="flex flex-wrap items-center gap-3 py-3" data-testid={`link-${iso}`} data-status={status}>
              <StatusDot status={status} />
              <span className="w-40 text-sm font-medium">{row.shop.name} <span className="font-mono text-slate-500">{iso}</span></span>
              <select
                aria-label={`${t.links.crmCurrency} ${iso}`}
                value={row.state.kind !== "missing" && !row.state.automatic ? row.state.crmCurrencyId : ""}
                onChange={(e) => link.mutate({ shopCurrencyId: row.shop.id, crmCurrencyId: e.target.value })}
                className={`${inputClass} max-w-64`}
              >
                <option value="">{t.links.automatic}</option>
                {crmCurrencies.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.code})</option>)}
              </select>
              <span className="min-w-0 flex-1 text-sm text-slate-600">
                {row.state.kind === "linked" && format(t.links.linked, { crm: nameOf(row.state.crmCurrencyId) })}
                {row.state.kind === "inactive" && format(t.links.inactive, { crm: nameOf(row.state.crmCurrencyId), iso })}
                {row.state.kind === "missing" && format(t.links.missing, { iso })}
                {row.state.kind !== "linked" && !canFix && <span className="block text-slate-500">{format(t.links.notAdmin, { iso })}</span>}
              </span>
              {row.state.kind !== "linked" && canFix && (
                <Button type="button" variant="secondary" pending={fix.isPending && fix.variables === row.shop.id} onClick={() => fix.mutate(row.shop.id)} data-testid={`fix-${iso}`}>
                  {format(row.state.kind === "missing" ? t.links.create : t.links.activate, { iso })}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {error && <FormMessage kind="error">{msg(error.message)}</FormMessage>}
    </div>
  );
}
