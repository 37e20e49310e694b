/**
 * R8 and R9 against both sandboxes: statuses follow the order's current state and an invoiced
 * order gets its Invoice; removed order lines disappear from SalesOrder and Invoice, totals still match.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Order } from "@/lib/prestashop/schemas";
import { recordLineItems, recordText } from "@/lib/vtiger/schemas";
import { money, roundHalfUp } from "../mapping/format";
import { applyShopEvent } from "./apply-event";
import { HARNESS_START_TIMEOUT_MS, startRulesHarness, type RulesHarness } from "./test-harness";

let h: RulesHarness;
beforeAll(async () => {
  h = await startRulesHarness("rule-order-changes");
}, HARNESS_START_TIMEOUT_MS);
afterAll(() => h.close());
beforeEach(() => h.reset());

/** An order placed and synced (R3), ready for status changes. */
async function syncedOrder(order: Record<string, unknown> = {}, settings = {}) {
  const placed = await h.placeOrder({ order });
  await applyShopEvent(h.context(settings), placed.event);
  return placed.order;
}

const changeStatus = (orderId: number, stateId: number) => h.act("change-status", { orderId, stateId });

function only(module: string) {
  const [record, ...others] = h.live(module);
  expect(others, module).toEqual([]);
  if (!record) throw new Error(`no ${module}`);
  return record;
}

describe("R8 order status changes", () => {
  it("updates the SalesOrder and creates the Invoice when the shop invoices the order", async () => {
    const order = await syncedOrder({ payment: "check" });
    expect(only("SalesOrder").fields.sostatus).toBe("Created");
    const { event } = await changeStatus(order.id, 2);
    const invoiced = await h.shopClient.getOrder(order.id);
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    const salesOrder = only("SalesOrder");
    expect(salesOrder.fields).toMatchObject({ sostatus: "Approved", conversion_rate: "1.000" });
    expect(recordLineItems(await h.crm.retrieve(salesOrder.wsId))).toHaveLength(2);
    const invoice = only("Invoice");
    expect(invoice.fields).toMatchObject({
      subject: `Sales order no${order.id}`,
      customerno: order.reference,
      salesorder_id: salesOrder.wsId,
      account_id: salesOrder.fields.account_id,
      contact_id: salesOrder.fields.contact_id,
      potential_id: salesOrder.fields.potential_id,
      invoicedate: invoiced.invoice_date?.slice(0, 10),
      invoicestatus: "Paid",
      currency_id: "21x1",
    });
    const retrieved = await h.crm.retrieve(invoice.wsId);
    expect(recordLineItems(retrieved)).toHaveLength(2);
    expect(roundHalfUp(Number(recordText(retrieved, "hdnGrandTotal")), 2)).toBe(order.total_paid_tax_incl);
    expect(await h.links.get("order", order.id, "Invoice")).toBe(invoice.wsId);
    expect(ctx.entries.touched).toContainEqual({ module: "SalesOrder", crmId: salesOrder.wsId, action: "updated" });
  });

  it("updates a linked Invoice's status too, keeping currency, lines and totals", async () => {
    const order = await syncedOrder({ currencyId: 2 }, { currencyLinks: new Map([[2, "21x2"]]) });
    const before = await h.crm.retrieve(only("SalesOrder").wsId);
    const { event } = await changeStatus(order.id, 6);
    await applyShopEvent(h.context({ currencyLinks: new Map([[2, "21x2"]]) }), event);

    expect(only("SalesOrder").fields).toMatchObject({ sostatus: "Cancelled", currency_id: "21x2", conversion_rate: "1.080" });
    expect(only("Invoice").fields).toMatchObject({ invoicestatus: "Cancel", currency_id: "21x2", conversion_rate: "1.080" });
    const after = await h.crm.retrieve(only("SalesOrder").wsId);
    expect(recordText(after, "hdnGrandTotal")).toBe(recordText(before, "hdnGrandTotal"));
    expect(recordLineItems(after)).toHaveLength(2);
  });

  it("follows the order's current state, not a stale event's", async () => {
    const order = await syncedOrder();
    const { event: stale } = await changeStatus(order.id, 3);
    await changeStatus(order.id, 4);
    await applyShopEvent(h.context(), stale);

    expect(only("SalesOrder").fields.sostatus).toBe("Delivered");
    expect(only("Invoice").fields.invoicestatus).toBe("Paid");
  });

  it("warns about an unmapped state and leaves the records unchanged", async () => {
    const order = await syncedOrder();
    const { event } = await changeStatus(order.id, 5);
    h.vtiger.control.resetStats();
    const ctx = h.context({ stateMappings: new Map() });
    await applyShopEvent(ctx, event);

    expect(ctx.entries.warnings).toHaveLength(1);
    expect(ctx.entries.warnings[0]).toContain("Order state 5");
    expect(h.vtiger.control.stats().calls.revise).toBeUndefined();
    expect(only("SalesOrder").fields.sostatus).toBe("Approved");
    expect(ctx.entries.touched.map((t) => t.action)).toEqual(["unchanged", "unchanged"]);
  });

  it("leaves a status mapped to “leave unchanged” as it is", async () => {
    const order = await syncedOrder();
    const { event } = await changeStatus(order.id, 6);
    const ctx = h.context();
    await applyShopEvent(h.context({ stateMappings: new Map([...ctx.settings.stateMappings, [6, { salesOrderStatus: "", invoiceStatus: "Cancel" }]]) }), event);

    expect(only("SalesOrder").fields.sostatus).toBe("Approved");
    expect(only("Invoice").fields.invoicestatus).toBe("Cancel");
  });

  it("does nothing for an order that is not in the CRM", async () => {
    const { order } = await h.placeOrder();
    const { event } = await changeStatus(order.id, 3);
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, event);

    expect(h.vtiger.control.stats().total).toBe(0);
    expect(ctx.entries.notes).toEqual([`Order ${order.id} has no SalesOrder in the CRM: no status to update`]);
  });
});

/** Lines, S&H, adjustment and shown grand total of a SalesOrder or Invoice. */
async function inventory(id: string) {
  const record = await h.crm.retrieve(id);
  return {
    productIds: recordLineItems(record).map((line) => line.productid),
    shipping: recordText(record, "hdnS_H_Amount"),
    adjustment: recordText(record, "txtAdjustment"),
    grandTotal: roundHalfUp(Number(recordText(record, "hdnGrandTotal")), 2),
  };
}

async function expectResent(order: Order, removedProductId: number) {
  const updated = await h.shopClient.getOrder(order.id);
  const remaining = updated.associations.order_rows.map((row) => row.product_id);
  const crmProducts = await h.links.getMany("product", remaining, "Products");
  const removed = await h.links.get("product", removedProductId, "Products");
  for (const module of ["SalesOrder", "Invoice"] as const) {
    const id = await h.links.get("order", order.id, module);
    if (!id) throw new Error(`no linked ${module}`);
    const lines = await inventory(id);
    expect(lines.productIds, module).toEqual(remaining.map((productId) => crmProducts.get(productId)));
    expect(lines.productIds).not.toContain(removed);
    expect(Number(lines.shipping), module).toBe(updated.total_shipping_tax_incl);
    expect(lines.grandTotal, module).toBe(updated.total_paid_tax_incl);
  }
  return updated;
}

describe("R9 order lines removed", () => {
  it("resends the remaining lines to SalesOrder and Invoice, keeping S&H, so totals still match", async () => {
    const [a, b, c] = h.orderableProductIds;
    const { event, order } = await h.placeOrder({ order: { lines: [{ productId: a, quantity: 1 }, { productId: b, quantity: 2 }, { productId: c, quantity: 1 }] } });
    await applyShopEvent(h.context(), event);
    const removal = await h.act("remove-line", { orderId: order.id });
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, removal.event);

    const updated = await expectResent(order, Number(removal.result.productId));
    expect(updated.total_shipping_tax_incl).toBeGreaterThan(0);
    expect(updated.total_paid_tax_incl).toBeLessThan(order.total_paid_tax_incl);
    expect(h.vtiger.control.stats().calls.revise).toBe(2);
    expect(ctx.entries.touched.filter((t) => t.action === "updated").map((t) => t.module)).toEqual(["SalesOrder", "Invoice"]);
  });

  it("keeps a voucher in the adjustment, and the journal says so", async () => {
    const voucherOrder = h.shop.control.shop.table("orders").all().find((o) => Number(o.total_discounts_tax_incl) > 0 && o.id_currency === 1 && Number(o.invoice_number) > 0);
    if (!voucherOrder) throw new Error("the generated shop has no invoiced EUR order with a voucher");
    const order = await h.shopClient.getOrder(voucherOrder.id);
    const created = h.context();
    await applyShopEvent(created, { type: "order.created", data: { orderId: order.id } });
    const salesOrderId = await h.links.get("order", order.id, "SalesOrder");
    const adjustment = salesOrderId ? (await inventory(salesOrderId)).adjustment : "";
    expect(Number(adjustment)).toBeCloseTo(-order.total_discounts_tax_incl, 1);
    expect(created.entries.notes).toContain(`SalesOrder adjustment ${money(Number(adjustment))} to match total paid ${money(order.total_paid_tax_incl)}`);

    const removal = await h.act("remove-line", { orderId: order.id });
    const ctx = h.context();
    await applyShopEvent(ctx, removal.event);

    const updated = await expectResent(order, Number(removal.result.productId));
    expect(ctx.entries.notes).toEqual(
      ["SalesOrder", "Invoice"].map((module) => expect.stringMatching(new RegExp(`^${module} adjustment -\\d+\\.\\d\\d to match total paid ${money(updated.total_paid_tax_incl)}$`))),
    );
  });

  it("does nothing for an order that is not in the CRM", async () => {
    const { order } = await h.placeOrder();
    const removal = await h.act("remove-line", { orderId: order.id });
    h.vtiger.control.resetStats();
    const ctx = h.context();
    await applyShopEvent(ctx, removal.event);

    expect(h.vtiger.control.stats().total).toBe(0);
    expect(ctx.entries.notes).toEqual([`Order ${order.id} has no SalesOrder in the CRM: no lines to update`]);
  });
});
