"use client";

import { unwrapAction } from "@/lib/actions/unwrap";
import { useQuery } from "@tanstack/react-query";
import { StatusDot } from "@/components/status-dot";
import { useI18n } from "@/components/i18n-provider";
import { crmCurrenciesAction } from "./actions";

export function CurrencyList({ shopConnected }: { shopConnected: boolean }) {
  const { t, msg, format } = useI18n();
  const query = useQuery({
    queryKey: ["crm-currencies"],
    queryFn: () => unwrapAction(crmCurrenciesAction({})),
  });
  if (query.isPending) return <p className="text-sm text-slate-500">{t.common.loading}</p>;
  if (query.isError) {
    return (
      <p role="alert" className="flex items-center gap-2 text-sm text-red-700">
        <StatusDot status="error" /> {format(t.configuration.crmUnavailable, { message: msg(query.error.message) })}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <table className="w-full text-left text-sm" data-testid="currency-table">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">{t.configuration.currencyName}</th>
            <th>{t.configuration.isoCode}</th>
            <th>{t.configuration.rate}</th>
            <th>{t.configuration.state}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {query.data.map((c) => (
            <tr key={c.id} data-testid={`currency-${c.code}`}>
              <td className="py-2">
                {c.name} {c.symbol && <span className="text-slate-400">({c.symbol})</span>}
                {c.base && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">{t.configuration.base}</span>}
              </td>
              <td className="font-mono">{c.code}</td>
              <td>{c.rate}</td>
              <td>
                <span className="inline-flex items-center gap-2">
                  <StatusDot status={c.active ? "ok" : "warn"} /> {c.active ? t.configuration.active : t.configuration.inactive}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!shopConnected && <p className="text-sm text-slate-600" data-testid="currency-shop-note">{t.configuration.shopSideLater}</p>}
    </div>
  );
}
