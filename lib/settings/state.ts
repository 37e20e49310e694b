import { ensureConnection, publicCrmSettings } from "./connection";
import { parseStoredProbe } from "./crm-snapshot";

/** Everything the tabs render from: the connection row, its last probe, and the browser-safe CRM settings. */
export async function loadConnectionState() {
  const connection = await ensureConnection();
  return { connection, probe: parseStoredProbe(connection.crmLastTestJson), crm: publicCrmSettings(connection) };
}
