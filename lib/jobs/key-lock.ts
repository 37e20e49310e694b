import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/generated/prisma/client";

const LEASE_MS = Number(process.env.KEY_LOCK_LEASE_MS ?? 30_000);

/**
 * A lease on a natural key in the database, so workers in several processes never create two
 * records under one key. A holder that died frees the key when its lease runs out.
 */
export async function withKeyLock<T>(
  key: string,
  owner: string,
  fn: () => Promise<T>,
  options: { leaseMs?: number; pollMs?: number; maxPollMs?: number } = {},
): Promise<T> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  for (let wait = options.pollMs ?? 5; ; wait = Math.min(wait * 2, options.maxPollMs ?? 50)) {
    const now = new Date();
    // Take a free or expired lease in one statement; a live lease of someone else blocks.
    const taken = await prisma.keyLock.updateMany({ where: { key, leaseUntil: { lt: now } }, data: { owner, leaseUntil: new Date(now.getTime() + leaseMs) } });
    if (taken.count === 1) break;
    try {
      await prisma.keyLock.create({ data: { key, owner, leaseUntil: new Date(now.getTime() + leaseMs) } });
      break;
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") throw err;
    }
    await sleep(wait);
  }
  // A live holder keeps extending its lease; a dead one (killed process) frees the key when it runs out.
  const renew = setInterval(() => {
    void prisma.keyLock.updateMany({ where: { key, owner }, data: { leaseUntil: new Date(Date.now() + leaseMs) } }).catch(() => undefined);
  }, leaseMs / 3);
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await prisma.keyLock.deleteMany({ where: { key, owner } });
  }
}
