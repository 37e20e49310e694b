import { prisma } from "@/lib/db/prisma";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Lang } from "@/lib/i18n/messages";
import { DEFAULT_PREFIXES } from "./prefix";

/**
 * The app shows one connection today; every setting already hangs off a connection id so several
 * shops can share one CRM later without migrating data.
 */
export async function ensureConnection(lang: Lang = "en") {
  const existing = await prisma.connection.findFirst({ orderBy: { id: "asc" } });
  if (existing) return existing;
  return prisma.connection.create({
    data: { salesOrderPrefix: DEFAULT_PREFIXES[lang].salesOrder, potentialPrefix: DEFAULT_PREFIXES[lang].potential },
  });
}

export type ConnectionRow = Awaited<ReturnType<typeof ensureConnection>>;

export interface CrmCredentials {
  url: string;
  username: string;
  accessKey: string;
}

/** The stored CRM credentials, decrypted; only server code calls this, nothing returns it to the browser. */
export function crmCredentials(connection: ConnectionRow): CrmCredentials | null {
  if (!connection.crmUrl || !connection.crmUsername || !connection.crmAccessKeyEnc) return null;
  return { url: connection.crmUrl, username: connection.crmUsername, accessKey: decryptSecret(connection.crmAccessKeyEnc) };
}

export async function saveCrmCredentials(connectionId: number, input: { url: string; username: string; accessKey?: string }) {
  return prisma.connection.update({
    where: { id: connectionId },
    data: {
      crmUrl: input.url,
      crmUsername: input.username,
      ...(input.accessKey ? { crmAccessKeyEnc: encryptSecret(input.accessKey) } : {}),
    },
  });
}

/** What the browser may know about the CRM settings: never the key itself. */
export function publicCrmSettings(connection: ConnectionRow) {
  return { url: connection.crmUrl, username: connection.crmUsername, hasAccessKey: connection.crmAccessKeyEnc !== "" };
}
