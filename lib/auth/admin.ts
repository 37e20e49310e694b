import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { hashPassword, verifyPassword } from "./password";

// Unambiguous characters only: the code is typed from a log line.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function hashCode(code: string): string {
  return createHash("sha256").update(code.trim().toUpperCase().replace(/[\s-]/g, "")).digest("hex");
}

export async function adminExists(): Promise<boolean> {
  return (await prisma.admin.count()) > 0;
}

/**
 * Called once at server start. ADMIN_PASSWORD creates the admin for unattended installs; otherwise a
 * fresh one-time setup code is stored (hashed) and returned for the log, so only someone who can
 * read the server's log can create the admin.
 */
export async function prepareFirstRun(): Promise<{ setupCode?: string; createdFromEnv?: boolean }> {
  if (await adminExists()) return {};
  const envPassword = process.env.ADMIN_PASSWORD;
  if (envPassword) {
    await setAdminPassword(envPassword);
    return { createdFromEnv: true };
  }
  const raw = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  const setupCode = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  await prisma.setupCode.upsert({
    where: { id: 1 },
    create: { id: 1, codeHash: hashCode(setupCode) },
    update: { codeHash: hashCode(setupCode), createdAt: new Date() },
  });
  return { setupCode };
}

export async function setupCodeMatches(code: string): Promise<boolean> {
  const row = await prisma.setupCode.findUnique({ where: { id: 1 } });
  if (!row) return false;
  return timingSafeEqual(Buffer.from(row.codeHash, "hex"), Buffer.from(hashCode(code), "hex"));
}

/** Creates the admin or replaces its password; either way every existing session is signed out. */
export async function setAdminPassword(password: string): Promise<number> {
  const passwordHash = await hashPassword(password);
  const admin = await prisma.admin.upsert({
    where: { id: 1 },
    create: { id: 1, passwordHash },
    update: { passwordHash, sessionVersion: { increment: 1 } },
  });
  await prisma.setupCode.deleteMany();
  return admin.sessionVersion;
}

/** Returns the session version to put in the cookie, or null for a wrong password. */
export async function checkAdminPassword(password: string): Promise<number | null> {
  const admin = await prisma.admin.findUnique({ where: { id: 1 } });
  if (!admin) return null;
  return (await verifyPassword(password, admin.passwordHash)) ? admin.sessionVersion : null;
}

export async function currentSessionVersion(): Promise<number | null> {
  const admin = await prisma.admin.findUnique({ where: { id: 1 }, select: { sessionVersion: true } });
  return admin?.sessionVersion ?? null;
}
