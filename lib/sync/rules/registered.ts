import type { Customer } from "@/lib/prestashop/schemas";
import type { VtigerRow } from "@/lib/vtiger/schemas";
import type { SyncContext } from "../context";
import { PermanentSyncError } from "../errors";
import { findOneBy } from "./crm-lookup";

export type RegisteredModule = "Contacts" | "Accounts" | "Leads";

/** Where a customer's e-mail is looked for, most advanced record first (DESIGN §2, "Registered"). */
const EMAIL_FIELDS: ReadonlyArray<readonly [RegisteredModule, string]> = [
  ["Contacts", "email"],
  ["Accounts", "email1"],
  ["Leads", "email"],
];

export interface Registered {
  module: RegisteredModule;
  id: string;
  row: VtigerRow;
}

/** "The" CRM record of a customer: a Contact, else an Account, else a Lead with that e-mail; null if none. */
export async function findRegistered(ctx: Pick<SyncContext, "crm">, email: string): Promise<Registered | null> {
  const rows = await Promise.all(EMAIL_FIELDS.map(([module, field]) => findOneBy(ctx, module, field, email)));
  for (const [index, [module]] of EMAIL_FIELDS.entries()) {
    const row = rows[index];
    if (row?.id) return { module, id: row.id, row };
  }
  return null;
}

/** The e-mail identifies a customer in the CRM; without one there is nothing to match or create by. */
export function emailOf(customer: Customer): string {
  if (customer.email.trim() === "") {
    throw new PermanentSyncError(`Customer ${customer.id} has no e-mail address`, "Give the customer an e-mail address in the shop, then replay the event.");
  }
  return customer.email.trim();
}
