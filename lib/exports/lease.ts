import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/prisma";

/** Long enough for a slow page; short enough that a killed process's run is resumed soon after. */
export const DEFAULT_LEASE_MS = 30_000;

export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Takes the run for `owner` when it is running and nobody holds a live lease on it. The check and
 * the write are one UPDATE, so of two processes resuming the same run only one gets it.
 */
export async function takeLease(runId: number, owner: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const { count } = await prisma.exportRun.updateMany({
    where: { id: runId, status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: owner }] },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Keeps the lease alive while the run works, whatever a page takes; stop() when done. */
export function keepLease(runId: number, owner: string, leaseMs: number): { stop: () => void } {
  const timer = setInterval(() => {
    void prisma.exportRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { leaseUntil: new Date(Date.now() + leaseMs) } }).catch(() => {});
  }, leaseMs / 3);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

export async function releaseLease(runId: number, owner: string): Promise<void> {
  await prisma.exportRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
}
