/**
 * The emitter against a tiny webhook receiver: every action changes the shop as PrestaShop would and
 * posts a body that parses with the contract and carries a valid X-Connector-Signature.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookBodySchema } from "../../lib/webhooks/contract";
import { verifyWebhook } from "../../lib/webhooks/signature";
import { startPrestashopSandbox, type PrestashopSandbox } from "./server.ts";
import { wsJson } from "./test-client.ts";

const SECRET = "test-webhook-secret";

interface Received {
  raw: Buffer;
  signature: string | null;
}

let sandbox: PrestashopSandbox;
let receiver: Server;
let received: Received[] = [];
let answerStatus = 202;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ raw: Buffer.concat(chunks), signature: request.headers["x-connector-signature"] as string | null });
      response.writeHead(answerStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/prestashop`;
  sandbox = await startPrestashopSandbox({ port: 0, customers: 40, products: 20, webhookUrl, webhookSecret: SECRET });
});
beforeEach(() => {
  received = [];
  answerStatus = 202;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** The last delivery, checked like the connector's route would. */
function lastDelivery() {
  const last = received[received.length - 1];
  if (!last) throw new Error("nothing received");
  expect(verifyWebhook(last.signature, last.raw, [SECRET])).toMatchObject({ ok: true });
  return webhookBodySchema.parse(JSON.parse(last.raw.toString("utf8")));
}

describe("signed deliveries", () => {
  it("sign-up creates a customer and posts customer.created", async () => {
    const emitted = await sandbox.emitter.signUp({ firstname: "Zoé", lastname: "Lefèvre", email: "zoe@example.com" });
    expect(emitted.deliveries).toEqual([{ status: 202 }]);
    const body = lastDelivery();
    expect(body).toEqual(emitted.event);
    expect(body.type).toBe("customer.created");
    const customerId = emitted.result.customerId;
    const { body: customer } = await wsJson(sandbox, `customers/${customerId}`);
    expect(customer.customer).toMatchObject({ email: "zoe@example.com", firstname: "Zoé" });
  });

  it("login posts customer.login and changes nothing", async () => {
    const before = structuredClone(sandbox.control.shop.table("customers").all());
    const emitted = await sandbox.emitter.login();
    expect(lastDelivery()).toMatchObject({ type: "customer.login", data: { customerId: emitted.result.customerId } });
    expect(sandbox.control.shop.table("customers").all()).toEqual(before);
  });

  it("place-order creates the order with its rows, and invoices it when the state allows", async () => {
    const emitted = await sandbox.emitter.placeOrder({ lines: [{ productId: 1, quantity: 2 }, { productId: 2, quantity: 1 }], stateId: 2 });
    const body = lastDelivery();
    expect(body).toMatchObject({ type: "order.created", data: { orderId: emitted.result.orderId } });
    const { body: order } = await wsJson(sandbox, `orders/${emitted.result.orderId}`);
    expect(order.order.current_state).toBe(2);
    expect(order.order.invoice_number).toBeGreaterThan(0);
    expect(order.order.reference).toMatch(/^[A-Z]{9}$/);
    expect(order.order.associations.order_rows.map((r: { product_id: number }) => r.product_id)).toEqual([1, 2]);
  });

  it("change-status adds an order_history, moves current_state and sets the invoice number", async () => {
    const placed = await sandbox.emitter.placeOrder({ payment: "wire" }, { deliver: false });
    const orderId = Number(placed.result.orderId);
    expect((await wsJson(sandbox, `orders/${orderId}`)).body.order).not.toHaveProperty("invoice_number");
    const emitted = await sandbox.emitter.changeStatus({ orderId, stateId: 2 });
    expect(lastDelivery()).toMatchObject({ type: "order.status_changed", data: { orderId, orderStateId: 2 } });
    expect(emitted.result.invoiceNumber).toBeGreaterThan(0);
    const { body } = await wsJson(sandbox, `order_histories?filter[id_order]=${orderId}&display=[id_order_state]&sort=[id_ASC]`);
    expect(body.order_histories.map((h: { id_order_state: number }) => h.id_order_state)).toEqual([10, 2]);
  });

  it("remove-line deletes the order_detail, rewrites totals and posts order.updated", async () => {
    const placed = await sandbox.emitter.placeOrder({ lines: [{ productId: 3, quantity: 1 }, { productId: 4, quantity: 3 }] }, { deliver: false });
    const orderId = Number(placed.result.orderId);
    const before = (await wsJson(sandbox, `orders/${orderId}`)).body.order;
    await sandbox.emitter.removeLine({ orderId });
    expect(lastDelivery()).toMatchObject({ type: "order.updated", data: { orderId } });
    const after = (await wsJson(sandbox, `orders/${orderId}`)).body.order;
    expect(after.associations.order_rows).toHaveLength(1);
    expect(Number(after.total_paid_tax_incl)).toBeLessThan(Number(before.total_paid_tax_incl));
    expect(after.date_upd >= before.date_upd).toBe(true);
  });

  it("create-product posts product.created", async () => {
    const emitted = await sandbox.emitter.createProduct({ name: "Sandbox mug", reference: "", price: 10 });
    expect(lastDelivery()).toMatchObject({ type: "product.created", data: { productId: emitted.result.productId } });
    const { body } = await wsJson(sandbox, `products/${emitted.result.productId}?display=[reference,price]`);
    expect(body.products[0]).toEqual({ reference: "", price: "10.000000" });
  });
});

describe("replays", () => {
  it("delivers a held event later, twice, with the same id and fresh signatures", async () => {
    const emitted = await sandbox.emitter.signUp({}, { deliver: false });
    expect(received).toHaveLength(0);
    const deliveries = await sandbox.emitter.deliver(emitted.event, { duplicate: true, delayMs: 10 });
    expect(deliveries).toEqual([{ status: 202 }, { status: 202 }]);
    expect(received.map((r) => JSON.parse(r.raw.toString()).id)).toEqual([emitted.event.id, emitted.event.id]);
  });

  it("reports the connector's status, e.g. a refusal", async () => {
    answerStatus = 401;
    const emitted = await sandbox.emitter.login();
    expect(emitted.deliveries).toEqual([{ status: 401 }]);
  });

  it("scripts a realistic stream with duplicates, per-entity shuffling, and plays it", async () => {
    const stream = sandbox.emitter.script(40, { seed: 9, duplicateRate: 0.2, shuffleWithinEntity: true });
    expect(stream.filter((d) => !d.duplicate)).toHaveLength(40);
    expect(stream.some((d) => d.duplicate)).toBe(true);
    expect(new Set(stream.map((d) => d.action)).size).toBeGreaterThanOrEqual(4);
    const deliveries = await sandbox.emitter.play(stream);
    expect(deliveries.every((d) => d.status === 202)).toBe(true);
    expect(received).toHaveLength(stream.length);
  });

  it("drives actions over the control API and returns the connector's status", async () => {
    const response = await fetch(`${sandbox.url}_sandbox/actions/create-product`, { method: "POST", body: JSON.stringify({ price: 5 }) });
    expect(response.status).toBe(200);
    const payload = (await response.json()) as { connectorStatus: number; event: { type: string } };
    expect(payload).toMatchObject({ connectorStatus: 202, event: { type: "product.created" } });
    const refused = await fetch(`${sandbox.url}_sandbox/actions/change-status`, { method: "POST", body: JSON.stringify({ orderId: 999999 }) });
    expect(refused.status).toBe(400);
  });
});
