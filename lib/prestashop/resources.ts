/**
 * The webservice resources the connector reads (DESIGN §2): customers and their addresses (with
 * the country), products, orders with their states and status history, currencies, and the
 * PS_OS_* configuration keys. The key needs View (GET) on each.
 */
export const READ_RESOURCES = [
  "customers",
  "addresses",
  "countries",
  "products",
  "orders",
  "order_states",
  "order_histories",
  "currencies",
  "configurations",
] as const;
export type ReadResource = (typeof READ_RESOURCES)[number];
