import { prisma } from "@/lib/db/prisma";
import { parseStoredProbe } from "@/lib/settings/crm-snapshot";
import { PermanentSyncError } from "@/lib/sync/errors";
import type { SyncSettings } from "@/lib/sync/context";
import type { CrmModule } from "@/lib/sync/filled-fields";
import type { ConnectionRow } from "@/lib/settings/connection";

/** Everything a rule needs from the configuration, read fresh for each event (settings may change). */
export async function loadSyncSettings(connection: ConnectionRow): Promise<SyncSettings> {
  const snapshot = parseStoredProbe(connection.crmLastTestJson)?.snapshot;
  if (!snapshot) {
    throw new PermanentSyncError("The CRM's fields and permissions are unknown: the connection was never tested successfully.", "Open the Connection tab, click \"Validate and test\", then replay.");
  }
  const [defaults, links, states] = await Promise.all([
    prisma.mandatoryDefault.findMany({ where: { connectionId: connection.id } }),
    prisma.currencyLink.findMany({ where: { connectionId: connection.id, crmCurrencyId: { not: null } } }),
    prisma.orderStateMapping.findMany({ where: { connectionId: connection.id } }),
  ]);
  const byModule: SyncSettings["defaults"] = {};
  for (const d of defaults) (byModule[d.module as CrmModule] ??= {})[d.field] = d.value;
  return {
    ownerId: connection.recordOwnerId || snapshot.userId,
    createAccount: connection.createAccount,
    createPotential: connection.createPotential,
    salesOrderPrefix: connection.salesOrderPrefix,
    potentialPrefix: connection.potentialPrefix,
    defaults: byModule,
    currencyLinks: new Map(links.map((l) => [l.shopCurrencyId, l.crmCurrencyId!])),
    stateMappings: new Map(states.map((s) => [s.shopStateId, { salesOrderStatus: s.salesOrderStatus, invoiceStatus: s.invoiceStatus }])),
    snapshot,
  };
}
