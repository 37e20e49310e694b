import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log";
import { catchUpPoll } from "./catch-up";
import { SyncWorker } from "./worker";

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
  const worker = new SyncWorker({ concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4) });
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
