import { logger } from "@/lib/log";
import { ensureConnection } from "./connection";
import { saveAndTestCrm } from "./crm-connection-test";

/**
 * `npm run demo` passes the sandbox CRM's address and key in DEMO_CRM_*; on an empty connection we
 * fill them in and test once, so a newcomer sees green dots straight away. Real settings are never
 * overwritten.
 */
export async function preconfigureDemo(): Promise<void> {
  const url = process.env.DEMO_CRM_URL;
  const username = process.env.DEMO_CRM_USER;
  const accessKey = process.env.DEMO_CRM_ACCESS_KEY;
  if (!url || !username || !accessKey) return;
  const connection = await ensureConnection();
  if (connection.crmUrl !== "") return;
  const result = await saveAndTestCrm({ url, username, accessKey });
  logger.info({ url, ok: result.ok }, "demo: connection pre-configured to the vtiger sandbox");
}
