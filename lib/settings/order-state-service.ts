import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { pickLanguage } from "@/lib/prestashop/schemas";
import { defaultStatusFor, LEAVE_UNCHANGED, type ShopOrderState } from "@/lib/sync/state-mapping";
import { ensureConnection } from "./connection";
import { parseStoredProbe } from "./crm-snapshot";
import { shopClientFor } from "./shop";

export interface StateMappingRow {
  state: ShopOrderState;
  salesOrderStatus: string;
  invoiceStatus: string;
}

export interface StateMappingView {
  rows: StateMappingRow[];
  salesOrderStatuses: string[];
  invoiceStatuses: string[];
}

const FALLBACK_SO = ["Created", "Approved", "Delivered", "Cancelled"];
const FALLBACK_INVOICE = ["AutoCreated", "Created", "Cancel", "Approved", "Sent", "Credit Invoice", "Paid"];

/**
 * The shop's order states with their mapping; a state seen for the first time gets the default
 * of DESIGN §2 from its flags and the PS_OS_* keys, and is stored.
 */
export async function loadStateMappings(): Promise<StateMappingView> {
  const connection = await ensureConnection();
  const shop = shopClientFor(connection);
  const [states, config, stored] = await Promise.all([
    shop.listOrderStates(),
    shop.configuration(["PS_OS_CANCELED", "PS_OS_ERROR", "PS_OS_REFUND"]),
    prisma.orderStateMapping.findMany({ where: { connectionId: connection.id } }),
  ]);
  const special = { canceled: Number(config.PS_OS_CANCELED) || undefined, error: Number(config.PS_OS_ERROR) || undefined, refund: Number(config.PS_OS_REFUND) || undefined };
  const rows: StateMappingRow[] = [];
  for (const raw of states.filter((s) => !s.deleted)) {
    const state: ShopOrderState = { id: raw.id, name: pickLanguage(raw.name), paid: raw.paid, shipped: raw.shipped, delivery: raw.delivery, invoice: raw.invoice };
    const saved = stored.find((m) => m.shopStateId === state.id);
    if (saved) {
      rows.push({ state, salesOrderStatus: saved.salesOrderStatus, invoiceStatus: saved.invoiceStatus });
      continue;
    }
    const defaults = defaultStatusFor(state, special);
    await prisma.orderStateMapping.create({ data: { connectionId: connection.id, shopStateId: state.id, shopStateName: state.name, ...defaults } });
    rows.push({ state, ...defaults });
  }
  const values = parseStoredProbe(connection.crmLastTestJson)?.snapshot?.statusValues;
  return {
    rows,
    salesOrderStatuses: values?.salesOrder.length ? values.salesOrder : FALLBACK_SO,
    invoiceStatuses: values?.invoice.length ? values.invoice : FALLBACK_INVOICE,
  };
}

export async function saveStateMapping(input: { shopStateId: number; salesOrderStatus: string; invoiceStatus: string }) {
  const connection = await ensureConnection();
  const view = await loadStateMappings();
  if (!view.rows.some((r) => r.state.id === input.shopStateId)) {
    throw new UserFacingError("This order state no longer exists in the shop. Reload the page.");
  }
  for (const [value, allowed, label] of [
    [input.salesOrderStatus, view.salesOrderStatuses, "SalesOrder status"],
    [input.invoiceStatus, view.invoiceStatuses, "Invoice status"],
  ] as const) {
    if (value !== LEAVE_UNCHANGED && !allowed.includes(value)) {
      throw new UserFacingError(`"${value}" is not a ${label} of the CRM (${allowed.join(", ")}). Choose one of them or "leave unchanged".`);
    }
  }
  await prisma.orderStateMapping.update({
    where: { connectionId_shopStateId: { connectionId: connection.id, shopStateId: input.shopStateId } },
    data: { salesOrderStatus: input.salesOrderStatus, invoiceStatus: input.invoiceStatus },
  });
  return loadStateMappings();
}
