import { logger } from "@/lib/log";
import { ensureConnection } from "./connection";
import { loadCurrencyLinks } from "./currency-link-service";
import { loadStateMappings } from "./order-state-service";

/**
 * Once both sides test well, link currencies by ISO code and map the order states with their
 * defaults right away: orders must not wait for someone to open the Configuration tab. Best
 * effort — the tab shows what could not be linked, and loading it retries.
 */
export async function refreshShopLinks(): Promise<void> {
  const connection = await ensureConnection();
  if (!connection.crmLastTestOk || !connection.shopLastTestOk) return;
  try {
    await loadCurrencyLinks();
    await loadStateMappings();
  } catch (err) {
    logger.warn({ err }, "currency links / state mappings could not be refreshed; the Configuration tab will retry");
  }
}
