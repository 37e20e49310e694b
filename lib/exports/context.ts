import { prismaLinkStore } from "@/lib/jobs/links";
import { loadSyncSettings } from "@/lib/jobs/settings-loader";
import type { ConnectionRow } from "@/lib/settings/connection";
import { crmClientFor } from "@/lib/settings/crm-client";
import { shopClientFor } from "@/lib/settings/shop";
import type { SyncContext } from "@/lib/sync/context";

/** Exports write no journal: their counters and failure list are what the admin sees. */
const silentJournal: SyncContext["journal"] = { touched: () => {}, note: () => {}, warn: () => {} };

/**
 * A sync context for an export, so the rules' helpers (createRecord, findOneBy, findRegistered) are
 * reused as they are. The CRM client has one session per concurrent record (vtiger runs one
 * request per session at a time, so fewer sessions would cap the concurrency), and logs in through
 * the same database lock as the sync workers: vtiger keeps one live challenge per user.
 */
export async function exportContextFor(connection: ConnectionRow, concurrency: number): Promise<SyncContext> {
  const crm = crmClientFor(connection, { poolSize: concurrency });
  const settings = await loadSyncSettings(connection);
  return {
    connectionId: connection.id,
    crm,
    shop: shopClientFor(connection),
    settings,
    links: prismaLinkStore(connection.id),
    journal: silentJournal,
    // The run holds the natural keys of its pages as a whole (RunKeyLocks), not one by one.
    withKey: (_key, fn) => fn(),
  };
}
