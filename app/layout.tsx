import type { Metadata } from "next";
import "./globals.css";
import { Providers } from "@/components/providers";
import { getLang } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "PrestaShop → vtiger CRM Connector" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const lang = await getLang();
  return (
    <html lang={lang}>
      <body className="min-h-screen">
        <Providers lang={lang}>{children}</Providers>
      </body>
    </html>
  );
}
