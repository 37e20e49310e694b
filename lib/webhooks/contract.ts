import { z } from "zod";

/**
 * The webhook contract between the shop (our PrestaShop module, or the sandbox's emitter) and the
 * connector. Thin events: ids only; the worker reads current data from the shop's webservice.
 */
const id = z.number().int().positive();

export const shopEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("customer.created"), data: z.object({ customerId: id }).strict() }),
  z.object({ type: z.literal("customer.login"), data: z.object({ customerId: id }).strict() }),
  z.object({ type: z.literal("order.created"), data: z.object({ orderId: id }).strict() }),
  z.object({ type: z.literal("order.status_changed"), data: z.object({ orderId: id, orderStateId: id }).strict() }),
  z.object({ type: z.literal("order.updated"), data: z.object({ orderId: id }).strict() }),
  z.object({ type: z.literal("product.created"), data: z.object({ productId: id }).strict() }),
]);

export const webhookBodySchema = z
  .object({
    id: z.string().min(1).max(200),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .and(shopEventSchema);

export type WebhookBody = z.infer<typeof webhookBodySchema>;
export type ShopEventType = WebhookBody["type"];
export const SHOP_EVENT_TYPES: ShopEventType[] = [
  "customer.created",
  "customer.login",
  "order.created",
  "order.status_changed",
  "order.updated",
  "product.created",
];

export const SIGNATURE_HEADER = "X-Connector-Signature";
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
