"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, inputClass } from "@/components/form";
import { StatusDot } from "@/components/status-dot";
import { useI18n } from "@/components/i18n-provider";
import type { MandatoryDefaultRow } from "@/lib/settings/mandatory-defaults";
import { ORDER_DATE } from "@/lib/settings/default-value";
import { saveDefaultAction, searchRecordsAction } from "./actions";

export function MandatoryDefaults({ rows }: { rows: MandatoryDefaultRow[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <DefaultRow key={`${row.module}.${row.field.name}`} row={row} />
      ))}
    </ul>
  );
}

function DefaultRow({ row }: { row: MandatoryDefaultRow }) {
  const { t, msg, format } = useI18n();
  const router = useRouter();
  const [value, setValue] = useState(row.value ?? "");
  const [label, setLabel] = useState(row.label);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const id = `default-${row.module}-${row.field.name}`;
  const isReference = row.field.type === "reference" || row.field.type === "owner";

  const save = (next: string, nextLabel?: string) =>
    startTransition(async () => {
      setSaved(false);
      const result = await saveDefaultAction({ module: row.module, field: row.field.name, value: next, ...(nextLabel ? { label: nextLabel } : {}) });
      if (result.ok) {
        setError(undefined);
        setSaved(true);
        setLabel(result.data.label ?? undefined);
        router.refresh();
      } else {
        setError(result.fieldErrors?.value ?? result.error);
      }
    });

  const status = !row.needed ? "unknown" : row.problem ? "error" : "ok";
  return (
    <li className="py-3" data-testid={id} data-status={status}>
      <div className="flex flex-wrap items-start gap-3">
        <span className="mt-2"><StatusDot status={status} /></span>
        <div className="w-56">
          <label htmlFor={id + "-input"} className="block text-sm font-medium text-slate-900">
            {row.module} · {row.field.label}
          </label>
          <p className="text-xs text-slate-500">{row.field.name} ({row.field.type})</p>
          {row.filledWhen === "account" && <p className="text-xs text-slate-500">{t.connection.onlyWhenNoAccount}</p>}
        </div>
        <form
          className="flex min-w-0 flex-1 flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save(value);
          }}
        >
          {isReference ? (
            <ReferencePicker id={id + "-input"} row={row} label={label} onPick={(v, l) => { setValue(v); save(v, l); }} />
          ) : (
            <>
              <ValueInput id={id + "-input"} row={row} value={value} onChange={setValue} />
              <Button type="submit" variant="secondary" pending={pending} data-testid={`${id}-save`}>{t.common.save}</Button>
            </>
          )}
          <div className="basis-full text-xs">
            {error ? (
              <span role="alert" className="font-medium text-red-600" data-testid={`${id}-error`}>{msg(error)}</span>
            ) : saved ? (
              <span className="text-emerald-700" role="status">{t.common.saved}</span>
            ) : row.needed && row.problem ? (
              <span className="text-red-600">{msg(row.problem)}</span>
            ) : null}
            {isReference && label && <span className="ml-2 text-slate-600">{format(t.connection.chosen, { label })}</span>}
          </div>
        </form>
      </div>
    </li>
  );
}

function ValueInput({ id, row, value, onChange }: { id: string; row: MandatoryDefaultRow; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const { field } = row;
  if (field.type === "picklist" && field.picklistValues) {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} max-w-xs`}>
        {!field.picklistValues.includes(value) && <option value={value}>{value}</option>}
        {field.picklistValues.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    );
  }
  if (field.type === "boolean") {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} max-w-xs`}>
        <option value="1">{t.common.yes}</option>
        <option value="0">{t.common.no}</option>
      </select>
    );
  }
  if (field.type === "date") {
    const isOrderDate = value === ORDER_DATE;
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          <input type="radio" checked={isOrderDate} onChange={() => onChange(ORDER_DATE)} /> {t.connection.orderDate}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" checked={!isOrderDate} onChange={() => onChange("")} /> {t.connection.aValue}
        </label>
        {!isOrderDate && <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} max-w-44`} />}
      </div>
    );
  }
  return <input id={id} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} max-w-xs`} />;
}

function ReferencePicker({ id, row, label, onPick }: { id: string; row: MandatoryDefaultRow; label?: string; onPick: (id: string, label: string) => void }) {
  const { t, msg, format } = useI18n();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<{ id: string; label: string; module: string }[] | null>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const search = () =>
    startTransition(async () => {
      const result = await searchRecordsAction({ module: row.module, field: row.field.name, q });
      if (result.ok) {
        setResults(result.data);
        setError(undefined);
      } else setError(result.error);
    });
  return (
    <div className="min-w-0 flex-1 space-y-2">
      <div className="flex gap-2">
        <input
          id={id}
          value={q}
          placeholder={label ?? t.connection.searchRecord}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              search();
            }
          }}
          className={`${inputClass} max-w-xs`}
        />
        <Button type="button" variant="secondary" pending={pending} onClick={search} disabled={q.trim() === ""} data-testid={`${id}-search`}>
          {t.connection.search}
        </Button>
      </div>
      {error && <p role="alert" className="text-xs text-red-600">{msg(error)}</p>}
      {results && results.length === 0 && (
        <p className="text-xs text-slate-600">{format(t.connection.noMatch, { modules: (row.field.refersTo ?? []).join(", "), q })}</p>
      )}
      {results && results.length > 0 && (
        <ul className="max-w-md rounded-md border border-slate-200 bg-white text-sm shadow-sm" data-testid={`${id}-results`}>
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" className="w-full px-3 py-1.5 text-left hover:bg-indigo-50" onClick={() => { onPick(r.id, r.label); setResults(null); setQ(""); }}>
                {r.label} <span className="text-xs text-slate-400">{r.module} · {r.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
