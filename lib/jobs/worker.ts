import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log";
import { crmClientFor } from "@/lib/settings/crm-client";
import { shopClientFor } from "@/lib/settings/shop";
import { classifySyncError } from "@/lib/sync/errors";
import type { Journal, SyncContext, TouchAction } from "@/lib/sync/context";
import type { CrmModule } from "@/lib/sync/filled-fields";
import { applyShopEvent } from "@/lib/sync/rules/apply-event";
import { shopEventSchema } from "@/lib/webhooks/contract";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "./backoff";
import { claimEvents, type ClaimedEvent } from "./claim";
import { withKeyLock } from "./key-lock";
import { prismaLinkStore } from "./links";
import { loadSyncSettings } from "./settings-loader";

export interface WorkerOptions {
  /** Unique per worker; appears in leases and locks. */
  id?: string;
  /** Events applied at the same time (different shop entities). */
  concurrency?: number;
  leaseMs?: number;
  /** Pause between polls of the inbox when it is empty. */
  idleMs?: number;
  backoff?: BackoffPolicy;
}

export interface TouchedRecord {
  module: CrmModule;
  id: string;
  action: TouchAction;
}

export interface JournalNote {
  level: "info" | "warn";
  message: string;
}

function collectingJournal() {
  const touched: TouchedRecord[] = [];
  const notes: JournalNote[] = [];
  const journal: Journal = {
    touched: (module, id, action) => touched.push({ module, id, action }),
    note: (message) => notes.push({ level: "info", message }),
    warn: (message) => notes.push({ level: "warn", message }),
  };
  return { journal, touched, notes };
}

/**
 * Applies inbox events to the CRM: claims them with a lease, reads the shop, runs the rule, records
 * the outcome. Transient failures come back later with backoff; permanent ones wait for a replay.
 * Several workers (in one or several processes) can share one database.
 */
export class SyncWorker {
  readonly id: string;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private readonly backoff: BackoffPolicy;
  private running = false;
  private loop: Promise<void> | null = null;
  private lastHeartbeat = 0;

  constructor(options: WorkerOptions = {}) {
    this.id = options.id ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.idleMs = options.idleMs ?? 500;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (this.running) {
      await this.heartbeat();
      const free = this.concurrency - inFlight.size;
      const claimed = free > 0 ? await claimEvents(this.id, free, this.leaseMs).catch((err) => (logger.error({ err }, "worker: claim failed"), [])) : [];
      for (const event of claimed) {
        const job = this.process(event).finally(() => inFlight.delete(job));
        inFlight.add(job);
      }
      if (claimed.length === 0) await Promise.race([sleep(this.idleMs), ...inFlight]);
      else if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  /** Applies everything that is due now, then returns how many events it handled (tests, scripts). */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const claimed = await claimEvents(this.id, this.concurrency, this.leaseMs);
      if (claimed.length === 0) return handled;
      await Promise.all(claimed.map((e) => this.process(e)));
      handled += claimed.length;
    }
  }

  /** At most every 5 s: it is a write to the shared database, and the loop turns many times a second. */
  private async heartbeat(): Promise<void> {
    if (Date.now() - this.lastHeartbeat < 5_000) return;
    this.lastHeartbeat = Date.now();
    await prisma.workerState
      .upsert({ where: { id: this.id }, create: { id: this.id, lastHeartbeat: new Date() }, update: { lastHeartbeat: new Date() } })
      .catch(() => undefined);
  }

  private async process(event: ClaimedEvent): Promise<void> {
    const { journal, touched, notes } = collectingJournal();
    // A long event keeps its lease; if this process dies, the lease runs out and another worker takes over.
    const renew = setInterval(() => {
      void prisma.inboxEvent.updateMany({ where: { id: event.id, leaseOwner: this.id }, data: { leaseUntil: new Date(Date.now() + this.leaseMs) } }).catch(() => undefined);
    }, this.leaseMs / 3);
    try {
      const connection = await prisma.connection.findUniqueOrThrow({ where: { id: event.connectionId } });
      const ctx: SyncContext = {
        connectionId: connection.id,
        crm: crmClientFor(connection),
        shop: shopClientFor(connection),
        settings: await loadSyncSettings(connection),
        links: prismaLinkStore(connection.id),
        journal,
        withKey: (key, fn) => withKeyLock(`${connection.id}:${key}`, `${this.id}:${event.id}`, fn),
      };
      const shopEvent = shopEventSchema.parse({ type: event.type, data: JSON.parse(event.payloadJson) });
      await applyShopEvent(ctx, shopEvent);
      await this.finish(event, { status: "applied", appliedAt: new Date(), lastError: null, fix: null, errorKind: null }, touched, notes);
    } catch (err) {
      const problem = classifySyncError(err);
      const giveUp = problem.kind === "permanent" || event.attempts >= this.backoff.maxAttempts;
      const message = problem.kind === "transient" && giveUp ? `Gave up after ${event.attempts} attempts: ${problem.message}` : problem.message;
      logger.warn({ eventId: event.eventId, type: event.type, attempts: event.attempts, kind: problem.kind, error: problem.message }, "worker: event failed");
      await this.finish(
        event,
        giveUp
          ? { status: "failed", lastError: message, fix: problem.fix ?? "Replay the event once the cause is fixed.", errorKind: problem.kind }
          : { status: "pending", lastError: message, fix: null, errorKind: "transient", nextAttemptAt: new Date(Date.now() + retryDelayMs(event.attempts, this.backoff)) },
        touched,
        notes,
      );
    } finally {
      clearInterval(renew);
    }
  }

  private async finish(event: ClaimedEvent, data: Record<string, unknown>, touched: TouchedRecord[], notes: JournalNote[]) {
    // Only the lease holder may record the outcome: a worker that lost its lease must not overwrite.
    await prisma.inboxEvent.updateMany({
      where: { id: event.id, leaseOwner: this.id },
      data: { ...data, leaseOwner: null, leaseUntil: null, touchedJson: JSON.stringify(touched), notesJson: JSON.stringify(notes) },
    });
  }
}
