import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { PrestashopClient } from "@/lib/prestashop/client";
import { describePrestashopError, PrestashopConfigError } from "@/lib/prestashop/errors";
import { UserFacingError } from "@/lib/actions/result";
import { logger } from "@/lib/log";
import { ensureConnection, type ConnectionRow } from "./connection";

export interface ShopCredentials {
  url: string;
  key: string;
}

export function shopCredentials(connection: ConnectionRow): ShopCredentials | null {
  if (!connection.shopUrl || !connection.shopKeyEnc) return null;
  return { url: connection.shopUrl, key: decryptSecret(connection.shopKeyEnc) };
}

export function shopClientFor(connection: ConnectionRow, options: { timeoutMs?: number } = {}): PrestashopClient {
  const creds = shopCredentials(connection);
  if (!creds) throw new UserFacingError("Connect the shop on the Connection tab first (shop URL and webservice key).");
  return new PrestashopClient({ ...creds, ...options });
}

export function publicShopSettings(connection: ConnectionRow) {
  return { url: connection.shopUrl, hasKey: connection.shopKeyEnc !== "", publicBaseUrl: connection.publicBaseUrl };
}

export const shopProbeSchema = z.object({
  ok: z.boolean(),
  testedAt: z.string(),
  version: z.string().nullable(),
  steps: z.array(z.object({ id: z.string(), status: z.enum(["ok", "warn", "error", "skipped"]), message: z.string(), fix: z.string().optional() })),
});
export type ShopProbe = z.infer<typeof shopProbeSchema>;

export function parseShopProbe(json: string | null): ShopProbe | null {
  if (!json) return null;
  const parsed = shopProbeSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** Saves what the admin typed (nothing typed is lost), then runs the shop's "Validate and test". */
export async function saveAndTestShop(input: { url: string; key?: string }): Promise<ShopProbe> {
  const connection = await ensureConnection();
  const saved = await prisma.connection.update({
    where: { id: connection.id },
    data: { shopUrl: input.url, ...(input.key ? { shopKeyEnc: encryptSecret(input.key) } : {}) },
  });
  const creds = shopCredentials(saved);
  if (!creds) throw new UserFacingError("Enter the webservice key: none is stored yet.", { key: "Enter the shop's webservice key (PrestaShop: Advanced Parameters › Webservice)." });
  let result: ShopProbe;
  try {
    const probe = await new PrestashopClient({ ...creds, timeoutMs: 15_000, retries: 0 }).probe();
    result = { ...probe, testedAt: new Date().toISOString() };
  } catch (err) {
    // Settings the client refuses before any request (key length, URL shape) are a failed first step.
    if (!(err instanceof PrestashopConfigError)) throw err;
    const help = describePrestashopError(err);
    result = { ok: false, version: null, testedAt: new Date().toISOString(), steps: [{ id: err.field === "key" ? "key" : "url", status: "error", message: help.message, fix: help.fix }] };
  }
  await prisma.connection.update({
    where: { id: connection.id },
    data: { shopLastTestJson: JSON.stringify(result), shopLastTestAt: new Date(result.testedAt), shopLastTestOk: result.ok },
  });
  logger.info({ ok: result.ok, version: result.version }, "shop connection tested");
  return result;
}

/** The connector's address as the shop must reach it; empty means "the address this page was opened with". */
export async function savePublicBaseUrl(url: string) {
  const connection = await ensureConnection();
  await prisma.connection.update({ where: { id: connection.id }, data: { publicBaseUrl: url } });
}

export function webhookUrlFor(publicBaseUrl: string): string {
  return new URL("api/webhooks/prestashop", publicBaseUrl.endsWith("/") ? publicBaseUrl : `${publicBaseUrl}/`).toString();
}
