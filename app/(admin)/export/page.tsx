import { Card } from "@/components/card";
import { StatusLine } from "@/components/status-dot";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function ExportPage() {
  const { t } = await getMessages();
  return (
    <Card title={t.export.title} intro={t.export.intro} testId="export">
      <ul className="divide-y divide-slate-100">
        <StatusLine status="unknown" title={t.export.products} testId="export-products">
          {t.export.productsText} <span className="block font-medium text-slate-700">{t.export.needShop}</span>
        </StatusLine>
        <StatusLine status="unknown" title={t.export.customers} testId="export-customers">
          {t.export.customersText} <span className="block font-medium text-slate-700">{t.export.needShop}</span>
        </StatusLine>
      </ul>
    </Card>
  );
}
