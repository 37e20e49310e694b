"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nProvider } from "./i18n-provider";
import type { Lang } from "@/lib/i18n/messages";

export function Providers({ lang, children }: { lang: Lang; children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
