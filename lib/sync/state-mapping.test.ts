import { describe, expect, it } from "vitest";
import { decideStatus, defaultStatusFor, LEAVE_UNCHANGED, type ShopOrderState } from "./state-mapping";

const state = (id: number, flags: Partial<ShopOrderState> = {}): ShopOrderState => ({ id, name: `s${id}`, paid: false, shipped: false, delivery: false, invoice: false, ...flags });
const special = { canceled: 6, error: 8, refund: 7 };

describe("default state mapping (first match wins)", () => {
  it("cancelled and payment error → Cancelled / Cancel, even when flagged paid", () => {
    expect(defaultStatusFor(state(6, { paid: true }), special)).toEqual({ salesOrderStatus: "Cancelled", invoiceStatus: "Cancel" });
    expect(defaultStatusFor(state(8), special)).toEqual({ salesOrderStatus: "Cancelled", invoiceStatus: "Cancel" });
  });
  it("refund → Cancelled / Credit Invoice", () => {
    expect(defaultStatusFor(state(7, { paid: true }), special)).toEqual({ salesOrderStatus: "Cancelled", invoiceStatus: "Credit Invoice" });
  });
  it("shipped or delivery → Delivered / Paid; paid → Approved / Paid; else Created / Created", () => {
    expect(defaultStatusFor(state(4, { shipped: true, paid: true }), special)).toEqual({ salesOrderStatus: "Delivered", invoiceStatus: "Paid" });
    expect(defaultStatusFor(state(5, { delivery: true }), special)).toEqual({ salesOrderStatus: "Delivered", invoiceStatus: "Paid" });
    expect(defaultStatusFor(state(2, { paid: true }), special)).toEqual({ salesOrderStatus: "Approved", invoiceStatus: "Paid" });
    expect(defaultStatusFor(state(1), special)).toEqual({ salesOrderStatus: "Created", invoiceStatus: "Created" });
  });
});

describe("decideStatus", () => {
  const mappings = new Map([[2, { salesOrderStatus: "Approved", invoiceStatus: LEAVE_UNCHANGED }]]);
  it("sets the mapped status, leaves unchanged on request, flags unmapped states", () => {
    expect(decideStatus(mappings, 2, "salesOrderStatus")).toEqual({ kind: "set", status: "Approved" });
    expect(decideStatus(mappings, 2, "invoiceStatus")).toEqual({ kind: "unchanged" });
    expect(decideStatus(mappings, 99, "salesOrderStatus")).toEqual({ kind: "unmapped" });
  });
});
