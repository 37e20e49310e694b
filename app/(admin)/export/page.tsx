import { Card } from "@/components/card";
import { EXPORT_KINDS } from "@/lib/exports/kinds";
import { exportOverview } from "@/lib/exports/progress";
import { getMessages } from "@/lib/i18n/server";
import { crmCredentials } from "@/lib/settings/connection";
import { shopCredentials } from "@/lib/settings/shop";
import { loadConnectionState } from "@/lib/settings/state";
import { ExportPanel } from "./export-panel";
import { failureLabels } from "./failure-labels";

export const dynamic = "force-dynamic";

export default async function ExportPage() {
  const { t } = await getMessages();
  const { connection, probe } = await loadConnectionState();
  // What startExport checks first: both connections set, and the CRM's fields known from a successful test.
  const ready = crmCredentials(connection) !== null && shopCredentials(connection) !== null && Boolean(probe?.snapshot);
  const panels = await Promise.all(
    EXPORT_KINDS.map(async (kind) => {
      const overview = await exportOverview(connection.id, kind);
      const labels = await failureLabels(connection, kind, overview.failures.map((f) => f.shopId));
      return { kind, progress: overview.progress, failures: overview.failures.map((f) => ({ ...f, label: labels[f.shopId] ?? null })) };
    }),
  );
  return (
    <Card title={t.export.title} intro={t.export.intro} testId="export">
      <div className="divide-y divide-slate-100">
        {panels.map(({ kind, progress, failures }) => (
          <ExportPanel
            key={kind}
            kind={kind}
            title={t.export[kind]}
            text={kind === "products" ? t.export.productsText : t.export.customersText}
            initial={progress}
            failures={failures}
            lockedAt={kind === "customers" ? (connection.customerExportLockedAt?.toISOString() ?? null) : null}
            ready={ready}
          />
        ))}
      </div>
    </Card>
  );
}
