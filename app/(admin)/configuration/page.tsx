import { Card } from "@/components/card";
import { getMessages } from "@/lib/i18n/server";
import { loadConnectionState } from "@/lib/settings/state";
import { ConfigurationForm } from "./configuration-form";
import { CurrencyList } from "./currency-list";

export const dynamic = "force-dynamic";

export default async function ConfigurationPage() {
  const { t } = await getMessages();
  const { connection, probe, crm } = await loadConnectionState();
  const connected = crm.url !== "" && crm.hasAccessKey;
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
        {connected ? <CurrencyList /> : <p className="text-sm text-slate-600">{t.configuration.needCrm}</p>}
      </Card>
    </>
  );
}
