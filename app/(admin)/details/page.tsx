import { Card } from "@/components/card";
import { StatusLine, type Status } from "@/components/status-dot";
import { TestAgainButton } from "@/components/test-again-button";
import { RelativeTime } from "@/components/relative-time";
import { getMessages } from "@/lib/i18n/server";
import { format } from "@/lib/i18n/messages";
import { resolveMessage } from "@/lib/i18n/encoded";
import { loadConnectionState } from "@/lib/settings/state";
import { databaseStatus } from "@/lib/db/status";
import { CRM_MODULES } from "@/lib/sync/filled-fields";
import { moduleProblem } from "@/lib/settings/crm-probe";
import { parseShopProbe } from "@/lib/settings/shop";
import { inboxSummary } from "@/lib/jobs/inbox";
import { syncHealth } from "@/lib/jobs/journal";
import { demoShopControlUrl } from "@/lib/settings/demo";
import { DemoShop } from "./demo-shop";
import { mandatoryDefaultRows, modulesWithInvalidDefaults, storedDefaults } from "@/lib/settings/mandatory-defaults";

export const dynamic = "force-dynamic";

export default async function DetailsPage() {
  const { t, lang } = await getMessages();
  const m = (s: string) => resolveMessage(s, lang);
  const { connection, probe, crm } = await loadConnectionState();
  const db = await databaseStatus();
  const snapshot = probe?.snapshot;
  const invalidDefaults = snapshot
    ? modulesWithInvalidDefaults(mandatoryDefaultRows(snapshot, await storedDefaults(connection.id), connection))
    : new Map();

  const missingSettings = [!crm.url && t.connection.url, !crm.username && t.connection.username, !crm.hasAccessKey && t.connection.accessKey].filter(Boolean);
  const failedStep = probe?.steps.find((s) => s.status === "error");
  const shopProbe = parseShopProbe(connection.shopLastTestJson);
  const shopFailed = shopProbe?.steps.find((s) => s.status === "error");
  const inbox = await inboxSummary(connection.id);
  const health = await syncHealth(connection.id);
  const workerAlive = health.lastHeartbeat !== null && Date.now() - Date.parse(health.lastHeartbeat) < 60_000;

  return (
    <>
      <Card title={t.details.installation} testId="details-installation">
        <ul className="divide-y divide-slate-100">
          <StatusLine status={db.ok ? "ok" : "error"} title={t.details.database} testId="status-database">
            {db.ok ? format(t.details.databaseOk, { version: db.detail }) : db.detail}
          </StatusLine>
          <StatusLine status={missingSettings.length === 0 ? "ok" : "warn"} title={t.details.settings} testId="status-settings">
            {missingSettings.length === 0 ? t.details.settingsComplete : format(t.details.settingsMissing, { missing: missingSettings.join(", ") })}
          </StatusLine>
        </ul>
      </Card>

      <Card title={t.details.crmConnection} testId="details-crm">
        <ul className="divide-y divide-slate-100">
          <StatusLine status={!probe ? "unknown" : probe.ok ? "ok" : "error"} testId="status-crm">
            {!probe ? (
              t.details.crmNeverTested
            ) : probe.ok && snapshot ? (
              <>
                {format(t.details.crmOk, { version: snapshot.vtigerVersion, user: snapshot.userName })}{" "}
                <RelativeTime iso={probe.testedAt} />.
              </>
            ) : (
              <>
                {format(t.details.crmFailed, { step: failedStep ? t.probe.steps[failedStep.id] : "?", message: m(failedStep?.message ?? "") })}
                {failedStep?.fix && <span className="block text-slate-500">→ {m(failedStep.fix)}</span>}
              </>
            )}
          </StatusLine>
        </ul>
        <div className="mt-3"><TestAgainButton /></div>
      </Card>

      <Card title={t.details.shopConnection} testId="details-shop">
        <ul className="divide-y divide-slate-100">
          <StatusLine status={!shopProbe ? "unknown" : shopProbe.ok ? "ok" : "error"} testId="status-shop">
            {!shopProbe ? (
              t.details.shopNeverTested
            ) : shopProbe.ok ? (
              <>{format(t.details.shopOk, { version: shopProbe.version ?? "?" })} <RelativeTime iso={shopProbe.testedAt} />.</>
            ) : (
              <>
                {format(t.details.shopFailed, { message: shopFailed?.message ?? "?" })}
                {shopFailed?.fix && <span className="block text-slate-500">→ {shopFailed.fix}</span>}
              </>
            )}
          </StatusLine>
          <StatusLine status={inbox.lastReceivedAt ? (inbox.waiting > 100 ? "warn" : "ok") : "unknown"} title={t.details.inbox} testId="status-inbox">
            {inbox.lastReceivedAt ? (
              <>{format(t.details.inboxLast, { waiting: inbox.waiting, type: inbox.lastType ?? "" })} <RelativeTime iso={inbox.lastReceivedAt} />.</>
            ) : (
              t.details.inboxNone
            )}
          </StatusLine>
        </ul>
      </Card>

      <Card title={t.journal.worker} testId="details-worker">
        <ul className="divide-y divide-slate-100">
          <StatusLine status={health.lastHeartbeat === null ? "unknown" : workerAlive ? "ok" : "error"} title={t.journal.worker} testId="status-worker">
            {health.lastHeartbeat === null ? t.journal.workerNever : workerAlive ? <>{t.journal.workerAlive} <RelativeTime iso={health.lastHeartbeat} />).</> : t.journal.workerDead}
          </StatusLine>
          <StatusLine status={health.waiting > 100 ? "warn" : "ok"} testId="status-waiting">{format(t.journal.waiting, { n: health.waiting })}</StatusLine>
          <StatusLine status={health.failed > 0 ? "error" : "ok"} testId="status-failed">{health.failed > 0 ? format(t.journal.failedCount, { n: health.failed }) : t.journal.noFailures}</StatusLine>
          <StatusLine status={health.lastAppliedAt ? "ok" : "unknown"} title={t.journal.lastSync} testId="status-last-sync">
            {health.lastAppliedAt ? <RelativeTime iso={health.lastAppliedAt} /> : t.journal.neverSynced}
          </StatusLine>
        </ul>
      </Card>

      {demoShopControlUrl() && (
        <Card title={t.demo.title} intro={t.demo.intro} testId="demo-shop">
          <DemoShop />
        </Card>
      )}

      <Card title={t.details.permissions} intro={t.details.permissionsIntro} testId="details-permissions">
        <ul className="divide-y divide-slate-100">
          {CRM_MODULES.map((module) => {
            if (!snapshot) {
              return <StatusLine key={module} status="unknown" title={module} testId={`perm-${module}`}>{t.details.unknownYet}</StatusLine>;
            }
            const problem = moduleProblem(module, snapshot.modules[module]);
            const defaultsBad: string[] | undefined = invalidDefaults.get(module);
            const status: Status = problem?.level === "error" || defaultsBad ? "error" : problem ? "warn" : "ok";
            return (
              <StatusLine key={module} status={status} title={module} testId={`perm-${module}`}>
                {!problem && !defaultsBad && format(t.details.permissionOk, { module })}
                {problem && <span className="block">{m(problem.message)}</span>}
                {defaultsBad && <span className="block">{format(t.details.defaultsInvalid, { module, fields: defaultsBad.join(", ") })}</span>}
              </StatusLine>
            );
          })}
        </ul>
      </Card>

      <Card title={t.details.leadSource} testId="details-leadsource">
        <ul>
          <StatusLine
            status={snapshot?.leadSourceHasPrestashop == null ? "unknown" : snapshot.leadSourceHasPrestashop ? "ok" : "warn"}
            testId="status-leadsource"
          >
            {snapshot?.leadSourceHasPrestashop == null ? t.details.unknownYet : snapshot.leadSourceHasPrestashop ? t.details.leadSourceOk : t.details.leadSourceMissing}
          </StatusLine>
        </ul>
      </Card>

      <Card title={t.details.decimals} testId="details-decimals">
        <ul>
          <StatusLine status={snapshot?.currencyDecimals == null ? "unknown" : snapshot.currencyDecimals === 0 ? "warn" : "ok"} testId="status-decimals">
            {snapshot?.currencyDecimals == null ? t.details.unknownYet : snapshot.currencyDecimals === 0 ? t.details.decimalsZero : format(t.details.decimalsOk, { n: snapshot.currencyDecimals })}
          </StatusLine>
        </ul>
      </Card>
    </>
  );
}
