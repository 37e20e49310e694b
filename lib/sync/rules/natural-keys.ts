import type { SyncContext } from "../context";

/**
 * Lock keys of the natural keys (DESIGN §2). vtiger compares strings case-insensitively, so the
 * keys are too: "Jane@X.org" and "jane@x.org" are one customer.
 */
export const fold = (value: string) => value.trim().toLowerCase();

export const naturalKey = {
  email: (email: string) => `email:${fold(email)}`,
  account: (name: string) => `account:${fold(name)}`,
  productCode: (code: string) => `product-code:${fold(code)}`,
  order: (reference: string) => `order:${fold(reference)}`,
};

/**
 * Holds several keys at once. They are taken one inside the other in sorted order, so two events
 * wanting overlapping sets never wait for each other in a circle.
 */
export function withKeys<T>(ctx: Pick<SyncContext, "withKey">, keys: readonly string[], fn: () => Promise<T>): Promise<T> {
  const [first, ...rest] = [...new Set(keys)].sort();
  if (first === undefined) return fn();
  return ctx.withKey(first, () => withKeys(ctx, rest, fn));
}
