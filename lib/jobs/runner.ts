import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log";
import { catchUpPoll } from "./catch-up";
import { SyncWorker } from "./worker";
import { DEFAULT_BACKOFF } from "./backoff";

/** Every few minutes (CATCH_UP_INTERVAL_MS, default 5 min; 0 disables), for each connected shop. */
function startCatchUpPoll(): () => void {
  const interval = Number(process.env.CATCH_UP_INTERVAL_MS ?? 300_000);
  if (!(interval > 0)) return () => undefined;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const connection of await prisma.connection.findMany({ where: { shopUrl: { not: "" }, shopKeyEnc: { not: "" } } })) {
        await catchUpPoll(connection).catch((err) => logger.warn({ err }, "catch-up poll failed; next try at the next interval"));
      }
    } finally {
      running = false;
    }
  }, interval);
  return () => clearInterval(timer);
}

/** Starts the worker with its settings from the environment; stops it cleanly on SIGTERM/SIGINT. */
export function startWorkerProcess(): SyncWorker {
  const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const worker = new SyncWorker({
    ...(env("WORKER_CONCURRENCY") ? { concurrency: env("WORKER_CONCURRENCY") } : {}),
    ...(env("WORKER_LEASE_MS") ? { leaseMs: env("WORKER_LEASE_MS") } : {}),
    ...(env("WORKER_IDLE_MS") ? { idleMs: env("WORKER_IDLE_MS") } : {}),
    backoff: {
      baseMs: env("WORKER_BACKOFF_BASE_MS") ?? DEFAULT_BACKOFF.baseMs,
      maxMs: env("WORKER_BACKOFF_MAX_MS") ?? DEFAULT_BACKOFF.maxMs,
      maxAttempts: env("WORKER_MAX_ATTEMPTS") ?? DEFAULT_BACKOFF.maxAttempts,
    },
  });
  worker.start();
  logger.info({ worker: worker.id }, "sync worker started");
  const stopPoll = startCatchUpPoll();
  const stop = () => {
    stopPoll();
    void worker.stop().then(() => logger.info({ worker: worker.id }, "sync worker stopped"));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
