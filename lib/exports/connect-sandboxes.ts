import { prisma } from "@/lib/db/prisma";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { ensureConnection, saveCrmCredentials, type CrmCredentials } from "@/lib/settings/connection";
import { probeCrm } from "@/lib/settings/crm-probe";
import type { ShopCredentials } from "@/lib/settings/shop";

/**
 * Sets up the connection as an admin would on the Connection tab (credentials saved, CRM
 * "Validate and test" stored), for tests and the benchmark that run exports against sandboxes.
 */
export async function connectSandboxes(crm: CrmCredentials, shop: ShopCredentials): Promise<number> {
  const connection = await ensureConnection();
  await saveCrmCredentials(connection.id, crm);
  const probe = await probeCrm(crm);
  await prisma.connection.update({
    where: { id: connection.id },
    data: { shopUrl: shop.url, shopKeyEnc: encryptSecret(shop.key), crmLastTestJson: JSON.stringify(probe), crmLastTestOk: probe.ok },
  });
  return connection.id;
}
