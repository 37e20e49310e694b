import type { z } from "zod";
import type { shopEventSchema } from "@/lib/webhooks/contract";
import type { SyncContext } from "../context";
import { applyCustomerCreated } from "./customer-created";
import { applyCustomerLogin } from "./customer-login";
import { applyOrderCreated } from "./order-created";
import { applyOrderStatusChanged } from "./order-status-changed";
import { applyOrderUpdated } from "./order-updated";
import { applyProductCreated } from "./product-created";

/** A shop event without its envelope: what happened, to which entity. */
export type ShopEvent = z.infer<typeof shopEventSchema>;

/**
 * Applies one shop event with the rule of DESIGN §2 it triggers. Events are thin: the rules read
 * the entity's current data from the shop, so late or repeated events are harmless.
 */
export function applyShopEvent(ctx: SyncContext, event: ShopEvent): Promise<void> {
  switch (event.type) {
    case "customer.created":
      return applyCustomerCreated(ctx, event.data.customerId);
    case "customer.login":
      return applyCustomerLogin(ctx, event.data.customerId);
    case "order.created":
      return applyOrderCreated(ctx, event.data.orderId);
    case "order.status_changed":
      // The event's state may be stale: R8 reads the order's current one.
      return applyOrderStatusChanged(ctx, event.data.orderId);
    case "order.updated":
      return applyOrderUpdated(ctx, event.data.orderId);
    case "product.created":
      return applyProductCreated(ctx, event.data.productId);
  }
}
