/**
 * Every resource name `WebserviceRequest::getResources()` knows, per version (reference §9). The
 * sandbox serves only some of them; the others still exist for "Did you mean" (#27) and for the
 * difference between an unknown resource (400 #27) and one the key may not use (401 #26).
 */
import { atLeast, type PsVersion } from "./versions.ts";

const CORE_8 = [
  "addresses", "attachments", "carriers", "carts", "cart_rules", "categories", "combinations", "configurations",
  "contacts", "content_management_system", "countries", "currencies", "customer_messages", "customer_threads",
  "customers", "customizations", "deliveries", "employees", "groups", "guests", "image_types", "images",
  "languages", "manufacturers", "messages", "order_carriers", "order_cart_rules", "order_details",
  "order_histories", "order_invoices", "order_payments", "order_slip", "order_states", "orders", "price_ranges",
  "product_customization_fields", "product_feature_values", "product_features", "product_option_values",
  "product_options", "product_suppliers", "products", "search", "shop_groups", "shop_urls", "shops",
  "specific_price_rules", "specific_prices", "states", "stock_availables", "stock_movement_reasons",
  "stock_movements", "stocks", "stores", "suppliers", "supply_order_details", "supply_order_histories",
  "supply_order_receipt_histories", "supply_order_states", "supply_orders", "tags", "tax_rule_groups", "tax_rules",
  "taxes", "translated_configurations", "warehouse_product_locations", "warehouses", "weight_ranges", "zones",
];

const ADDED_IN_17 = ["messages", "attachments", "order_cart_rules"];
const SUPPLY_ORDERS = CORE_8.filter((name) => name.startsWith("supply_order")).concat("warehouse_product_locations");

/** Names in `ksort` order (PHP compares bytes, so "order_details" sorts before "orders"). */
export function resourceNames(version: PsVersion): string[] {
  let names = CORE_8;
  if (!atLeast(version, "1.7")) names = names.filter((name) => !ADDED_IN_17.includes(name)).concat("order_discounts");
  if (atLeast(version, "9")) names = names.filter((name) => !SUPPLY_ORDERS.includes(name)).concat("order_returns");
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
