import { Card } from "@/components/card";
import { getMessages } from "@/lib/i18n/server";
import { loadConnectionState } from "@/lib/settings/state";
import { ConfigurationForm } from "./configuration-form";
import { CurrencyList } from "./currency-list";
import { CurrencyLinks } from "./currency-links";
import { StateMappings } from "./state-mappings";

export const dynamic = "force-dynamic";

export default async function ConfigurationPage() {
  const { t } = await getMessages();
  const { connection, probe, crm } = await loadConnectionState();
  const connected = crm.url !== "" && crm.hasAccessKey;
  const shopConnected = connection.shopUrl !== "" && connection.shopKeyEnc !== "";
  return (
    <>
      <ConfigurationForm
        initial={{
          recordOwnerId: connection.recordOwnerId,
          createAccount: connection.createAccount,
          createPotential: connection.createPotential,
          salesOrderPrefix: connection.salesOrderPrefix,
          potentialPrefix: connection.potentialPrefix,
        }}
        apiUser={probe?.snapshot?.userName ?? crm.username}
        connected={connected}
      />
      <Card title={t.configuration.currenciesTitle} intro={t.configuration.currenciesIntro} testId="currencies">
        {connected ? <CurrencyList shopConnected={shopConnected} /> : <p className="text-sm text-slate-600">{t.configuration.needCrm}</p>}
      </Card>
      <Card title={t.links.title} intro={t.links.intro} testId="currency-links-card">
        {connected && shopConnected ? <CurrencyLinks /> : <p className="text-sm text-slate-600">{connected ? t.links.needShop : t.configuration.needCrm}</p>}
      </Card>
      <Card title={t.links.statesTitle} intro={t.links.statesIntro} testId="state-mappings-card">
        {shopConnected ? <StateMappings /> : <p className="text-sm text-slate-600">{t.links.needShop}</p>}
      </Card>
    </>
  );
}
