/**
 * Shop order state → SalesOrder status and Invoice status (DESIGN §2, "State mapping"). Pure.
 * "" means "leave unchanged": an existing record keeps its status.
 */
export const LEAVE_UNCHANGED = "";

export interface ShopOrderState {
  id: number;
  name: string;
  paid: boolean;
  shipped: boolean;
  delivery: boolean;
  invoice: boolean;
}

/** The shop's special states, from configuration keys (ids differ between shops). */
export interface SpecialStates {
  canceled?: number; // PS_OS_CANCELED
  error?: number; // PS_OS_ERROR
  refund?: number; // PS_OS_REFUND
}

export interface StatusPair {
  salesOrderStatus: string;
  invoiceStatus: string;
}

/** Defaults, first match wins: cancelled/payment error, refund, shipped or delivered, paid, anything else. */
export function defaultStatusFor(state: ShopOrderState, special: SpecialStates): StatusPair {
  if (state.id === special.canceled || state.id === special.error) return { salesOrderStatus: "Cancelled", invoiceStatus: "Cancel" };
  if (state.id === special.refund) return { salesOrderStatus: "Cancelled", invoiceStatus: "Credit Invoice" };
  if (state.shipped || state.delivery) return { salesOrderStatus: "Delivered", invoiceStatus: "Paid" };
  if (state.paid) return { salesOrderStatus: "Approved", invoiceStatus: "Paid" };
  return { salesOrderStatus: "Created", invoiceStatus: "Created" };
}

export type StatusDecision = { kind: "set"; status: string } | { kind: "unchanged" } | { kind: "unmapped" };

/**
 * What to do with a record's status when the order is in `stateId`. An unmapped state (added to
 * the shop later) leaves an existing record unchanged; the journal notes it as a warning.
 */
export function decideStatus(
  mappings: ReadonlyMap<number, StatusPair>,
  stateId: number,
  which: keyof StatusPair,
): StatusDecision {
  const mapping = mappings.get(stateId);
  if (!mapping) return { kind: "unmapped" };
  const status = mapping[which];
  return status === LEAVE_UNCHANGED ? { kind: "unchanged" } : { kind: "set", status };
}
