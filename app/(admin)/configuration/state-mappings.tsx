"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormMessage, inputClass } from "@/components/form";
import { useI18n } from "@/components/i18n-provider";
import { unwrapAction as unwrap } from "@/lib/actions/unwrap";
import type { StateMappingView } from "@/lib/settings/order-state-service";
import { saveStateMappingAction, stateMappingsAction } from "./actions";

const KEY = ["state-mappings"];


export function StateMappings() {
  const { t, msg } = useI18n();
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => unwrap(stateMappingsAction({})) });
  const save = useMutation({
    mutationFn: (v: { shopStateId: number; salesOrderStatus: string; invoiceStatus: string }) => unwrap(saveStateMappingAction(v)),
    onSuccess: (data: StateMappingView) => client.setQueryData(KEY, data),
  });
  if (query.isPending) return <p className="text-sm text-slate-500">{t.common.loading}</p>;
  if (query.isError) return <FormMessage kind="error">{msg(query.error.message)}</FormMessage>;
  const { rows, salesOrderStatuses, invoiceStatuses } = query.data;
  const flagNames = (s: (typeof rows)[number]["state"]) => (["paid", "shipped", "delivery", "invoice"] as const).filter((f) => s[f]).join(", ");
  return (
    <div className="space-y-3">
      <table className="w-full text-left text-sm" data-testid="state-mappings">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">{t.links.state}</th>
            <th>{t.links.flags}</th>
            <th>{t.links.salesOrderStatus}</th>
            <th>{t.links.invoiceStatus}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.state.id} data-testid={`state-${row.state.id}`}>
              <td className="py-2">{row.state.name} <span className="text-xs text-slate-400">#{row.state.id}</span></td>
              <td className="text-xs text-slate-500">{flagNames(row.state)}</td>
              {(["salesOrderStatus", "invoiceStatus"] as const).map((which) => (
                <td key={which} className="pr-2">
                  <select
                    aria-label={`${t.links[which]} ${row.state.name}`}
                    value={row[which]}
                    onChange={(e) => save.mutate({ shopStateId: row.state.id, salesOrderStatus: row.salesOrderStatus, invoiceStatus: row.invoiceStatus, [which]: e.target.value })}
                    className={`${inputClass} py-1`}
                  >
                    <option value="">{t.links.leaveUnchanged}</option>
                    {(which === "salesOrderStatus" ? salesOrderStatuses : invoiceStatuses).map((v) => <option key={v} value={v}>{v}</option>)}
                  </select>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {save.isSuccess && <p role="status" className="text-xs text-emerald-700" data-testid="state-saved">{t.common.saved}</p>}
      {save.error && <FormMessage kind="error">{msg(save.error.message)}</FormMessage>}
    </div>
  );
}
