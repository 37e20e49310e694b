"use client";

import { useState } from "react";
import { Button } from "./form";

/**
 * A button whose action waits for a second, explicit click: the question and its two answers
 * appear in place (no browser dialog), the safe answer focused, Escape backs out.
 */
export function ConfirmButton({ label, question, yes, no, onConfirm, pending, testId }: { label: string; question: string; yes: string; no: string; onConfirm: () => void; pending?: boolean; testId: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" variant="secondary" className="px-3 py-1.5 text-xs" pending={pending} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label={question}
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      data-testid={`${testId}-confirm`}
      onKeyDown={(e) => e.key === "Escape" && setAsking(false)}
    >
      <span className="min-w-0 flex-1">{question}</span>
      <Button type="button" className="px-3 py-1.5 text-xs" data-testid={`${testId}-yes`} onClick={() => { setAsking(false); onConfirm(); }}>
        {yes}
      </Button>
      <Button type="button" variant="secondary" className="px-3 py-1.5 text-xs" data-testid={`${testId}-no`} autoFocus onClick={() => setAsking(false)}>
        {no}
      </Button>
    </div>
  );
}
