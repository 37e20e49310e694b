import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { ensureConnection } from "./connection";
import { crmClientFor } from "./crm-client";
import type { ConfigurationInput } from "./configuration.validation";

export async function saveConfiguration(input: ConfigurationInput) {
  const connection = await ensureConnection();
  if (input.recordOwnerId !== "") {
    const owners = await listOwnerOptions();
    if (![...owners.users, ...owners.groups].some((o) => o.id === input.recordOwnerId)) {
      throw new UserFacingError("This owner no longer exists in the CRM. Choose another one.", { recordOwnerId: "This owner no longer exists in the CRM." });
    }
  }
  await prisma.connection.update({ where: { id: connection.id }, data: input });
  return input;
}

const userRow = z.looseObject({ id: z.string(), user_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional(), status: z.string().optional() });
const groupRow = z.looseObject({ id: z.string(), groupname: z.string().optional() });

/** CRM users and groups a record can be assigned to. */
export async function listOwnerOptions() {
  const client = crmClientFor(await ensureConnection());
  const [users, groups] = await Promise.all([
    client.query("SELECT user_name, first_name, last_name, status FROM Users;"),
    client.query("SELECT groupname FROM Groups;"),
  ]);
  return {
    users: users
      .map((u) => userRow.parse(u))
      .filter((u) => u.status === undefined || u.status === "Active")
      .map((u) => ({ id: u.id, label: [u.first_name, u.last_name].filter(Boolean).join(" ") + (u.user_name ? ` (${u.user_name})` : "") })),
    groups: groups.map((g) => groupRow.parse(g)).map((g) => ({ id: g.id, label: g.groupname ?? g.id })),
  };
}

const currencyRow = z.looseObject({
  id: z.string(),
  currency_name: z.string(),
  currency_code: z.string(),
  currency_symbol: z.string().optional(),
  conversion_rate: z.string().optional(),
  currency_status: z.string().optional(),
  defaultid: z.string().optional(),
  deleted: z.string().optional(),
});

export interface CrmCurrency {
  id: string;
  name: string;
  code: string;
  symbol: string;
  rate: string;
  active: boolean;
  base: boolean;
}

/** The CRM's Currency entity (reference §13): defaultid "-11" marks the base currency. */
export async function listCrmCurrencies(): Promise<CrmCurrency[]> {
  const rows = await crmClientFor(await ensureConnection()).query("SELECT * FROM Currency;");
  return rows
    .map((r) => currencyRow.parse(r))
    .filter((c) => c.deleted !== "1")
    .map((c) => ({
      id: c.id,
      name: c.currency_name,
      code: c.currency_code.toUpperCase(),
      symbol: c.currency_symbol ?? "",
      rate: c.conversion_rate ?? "1",
      active: c.currency_status === "Active",
      base: c.defaultid === "-11",
    }))
    .sort((a, b) => Number(b.base) - Number(a.base) || a.code.localeCompare(b.code));
}
