import type { ActionResult } from "./result";

/** For TanStack Query: a server action's result as a value, or an Error carrying its message. */
export async function unwrapAction<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error);
  return result.data;
}
