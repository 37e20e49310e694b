import type { Order } from "@/lib/prestashop/schemas";
import type { SyncSettings } from "../context";
import { decideStatus, type StatusPair } from "../state-mapping";
import { compact, type CrmFields } from "./element";
import { dateOf, decimal } from "./format";
import { orderLines, type LineItem, type OrderLines } from "./order-lines";
import { addressBlock, type ShopPlace } from "./place";

export interface OrderPlaces {
  /** The invoice address: bill_* fields. */
  invoice: ShopPlace;
  /** The delivery address: ship_* fields. */
  delivery: ShopPlace;
}

/** The CRM records an order's SalesOrder, Invoice and Potential refer to. */
export interface OrderParties {
  accountId?: string;
  contactId?: string;
  potentialId?: string;
}

export interface OrderRecordIds extends OrderParties {
  /** The CRM Currency linked to the order's currency. */
  currencyId: string;
  /** Shop product id → CRM Product id, for every ordered product. */
  productIds: ReadonlyMap<number, string>;
}

/** A SalesOrder or Invoice to write: plain fields plus its lines and totals. */
export type InventoryElement = OrderLines & Record<string, string | LineItem[]>;

type OrderSettings = Pick<SyncSettings, "ownerId" | "salesOrderPrefix" | "stateMappings">;

/** Subject of the order's SalesOrder and Invoice: the prefix and the shop's order id ("Sales order no12"). */
export function orderSubject(order: Order, settings: Pick<SyncSettings, "salesOrderPrefix">): string {
  return `${settings.salesOrderPrefix}${order.id}`;
}

/**
 * The status the state mapping gives the order's current state; undefined when the state is
 * unmapped or mapped to "leave unchanged", so that a new record gets the R10 default.
 */
export function mappedStatus(settings: Pick<SyncSettings, "stateMappings">, order: Order, which: keyof StatusPair): string | undefined {
  const decision = decideStatus(settings.stateMappings, order.current_state, which);
  return decision.kind === "set" ? decision.status : undefined;
}

/** Currency fields, resent on every write: vtiger resets a conversion rate left out to 1. */
export function orderCurrencyFields(order: Order, currencyId: string): CrmFields {
  return { currency_id: currencyId, conversion_rate: decimal(order.conversion_rate || 1, 6) };
}

/** What SalesOrder and Invoice share: "the SalesOrder's fields" of the mapping table. */
function inventoryFromOrder(order: Order, places: OrderPlaces, ids: OrderRecordIds, settings: OrderSettings): InventoryElement {
  return {
    ...compact({
      subject: orderSubject(order, settings),
      customerno: order.reference,
      account_id: ids.accountId,
      contact_id: ids.contactId,
      potential_id: ids.potentialId,
      ...orderCurrencyFields(order, ids.currencyId),
      ...addressBlock("bill", places.invoice),
      ...addressBlock("ship", places.delivery),
      assigned_user_id: settings.ownerId,
    }),
    ...orderLines(order, ids.productIds),
  };
}

/** SalesOrder.invoicestatus is vtiger's status for invoices it generates from the order: the mapped invoice status. */
export function salesOrderFromOrder(order: Order, places: OrderPlaces, ids: OrderRecordIds, settings: OrderSettings): InventoryElement {
  return {
    ...inventoryFromOrder(order, places, ids, settings),
    ...compact({ sostatus: mappedStatus(settings, order, "salesOrderStatus"), invoicestatus: mappedStatus(settings, order, "invoiceStatus") }),
  };
}

export function invoiceFromOrder(
  order: Order,
  places: OrderPlaces,
  ids: OrderRecordIds & { salesOrderId: string },
  settings: OrderSettings,
): InventoryElement {
  return {
    ...inventoryFromOrder(order, places, ids, settings),
    ...compact({
      salesorder_id: ids.salesOrderId,
      invoicedate: dateOf(order.invoice_date ?? order.date_add),
      invoicestatus: mappedStatus(settings, order, "invoiceStatus"),
    }),
  };
}
