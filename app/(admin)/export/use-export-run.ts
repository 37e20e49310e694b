"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExportProgress } from "@/lib/exports/progress";
import { i18nMessage } from "@/lib/i18n/encoded";
import { watchExportAction } from "./actions";

/**
 * The run shown by a panel: the server's snapshot, then, while it runs, the progress streamed by
 * the server action. Reopening the tab on a running export picks its stream up again; when the
 * stream ends the page is rendered anew (final counts, failures, the customer lock).
 */
export function useExportRun(initial: ExportProgress | null) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [streamError, setStreamError] = useState<string | null>(null);
  const following = useRef<number | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const follow = useCallback(
    async (runId: number) => {
      if (following.current === runId) return;
      following.current = runId;
      setStreamError(null);
      try {
        for await (const event of await watchExportAction({ runId })) {
          if (!mounted.current) return; // the tab was left: stop reading the stream
          if (!event.ok) {
            setStreamError(event.error);
            break;
          }
          setProgress(event.progress);
        }
      } catch {
        setStreamError(i18nMessage("export.streamLost"));
      } finally {
        following.current = null;
        if (mounted.current) router.refresh();
      }
    },
    [router],
  );

  // A new server render (after a run ended, a retry or an unlock) is the truth, unless a stream is newer.
  useEffect(() => {
    if (following.current === null) setProgress(initial);
    if (initial?.status === "running") void follow(initial.runId);
  }, [initial, follow]);

  return { progress, follow, streamError };
}
