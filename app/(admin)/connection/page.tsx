import { Card } from "@/components/card";
import { getMessages } from "@/lib/i18n/server";
import { loadConnectionState } from "@/lib/settings/state";
import { mandatoryDefaultRows, storedDefaults } from "@/lib/settings/mandatory-defaults";
import { CrmForm } from "./crm-form";
import { MandatoryDefaults } from "./mandatory-defaults";
import { ShopForm } from "./shop-form";
import { WebhookCard } from "./webhook-card";
import { parseShopProbe, publicShopSettings, webhookUrlFor } from "@/lib/settings/shop";
import { requestOrigin } from "@/lib/settings/request-origin";

export const dynamic = "force-dynamic";

export default async function ConnectionPage() {
  const { t } = await getMessages();
  const { connection, probe, crm } = await loadConnectionState();
  const shop = publicShopSettings(connection);
  const origin = await requestOrigin();
  const rows = probe?.snapshot ? mandatoryDefaultRows(probe.snapshot, await storedDefaults(connection.id), connection) : null;
  return (
    <>
      <Card title={t.connection.crmTitle} intro={t.connection.crmIntro} testId="crm-settings">
        <CrmForm initial={crm} lastProbe={probe} />
      </Card>
      <Card title={t.shop.title} intro={t.shop.intro} testId="shop-settings">
        <ShopForm initial={shop} lastProbe={parseShopProbe(connection.shopLastTestJson)} />
      </Card>
      <Card title={t.shop.webhookTitle} intro={t.shop.webhookIntro} testId="webhook-settings">
        <WebhookCard publicBaseUrl={shop.publicBaseUrl} origin={origin} webhookUrl={webhookUrlFor(shop.publicBaseUrl || origin)} />
      </Card>
      <Card title={t.connection.mandatoryTitle} intro={t.connection.mandatoryIntro} testId="mandatory-defaults">
        {rows === null ? (
          <p className="text-sm text-slate-600">{t.connection.mandatoryNeedTest}</p>
        ) : rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t.connection.mandatoryNone}</p>
        ) : (
          <MandatoryDefaults rows={rows} />
        )}
      </Card>
    </>
  );
}
