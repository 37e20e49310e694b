import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { ConnectionRow } from "@/lib/settings/connection";

export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** The connection's webhook secret, created on first use. */
export async function webhookSecret(connection: ConnectionRow): Promise<string> {
  if (connection.webhookSecretEnc) return decryptSecret(connection.webhookSecretEnc);
  const secret = newSecret();
  // Only set it if still empty: two first requests racing keep one secret.
  await prisma.connection.updateMany({ where: { id: connection.id, webhookSecretEnc: "" }, data: { webhookSecretEnc: encryptSecret(secret) } });
  const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
  return decryptSecret(row.webhookSecretEnc);
}

/** Secrets a delivery may be signed with now: the current one, and the previous one during its grace period. */
export async function acceptedSecrets(connection: ConnectionRow, now = new Date()): Promise<string[]> {
  const secrets = [await webhookSecret(connection)];
  if (connection.webhookPreviousSecretEnc && connection.webhookPreviousSecretUntil && connection.webhookPreviousSecretUntil > now) {
    secrets.push(decryptSecret(connection.webhookPreviousSecretEnc));
  }
  return secrets;
}

/** New secret; the old one keeps working for 24 hours so the shop module can be updated without losing events. */
export async function regenerateWebhookSecret(connection: ConnectionRow, now = new Date()): Promise<string> {
  const previous = await webhookSecret(connection);
  const secret = newSecret();
  await prisma.connection.update({
    where: { id: connection.id },
    data: {
      webhookSecretEnc: encryptSecret(secret),
      webhookPreviousSecretEnc: encryptSecret(previous),
      webhookPreviousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
    },
  });
  return secret;
}
