import type { z } from "zod";
import { oneOf } from "@/lib/prestashop/filter";
import type { PrestashopClient } from "@/lib/prestashop/client";
import type { RecordDone, RecordOutcome } from "./kinds";
import type { RunKeyLocks } from "./key-locks";
import { Slots } from "./pool";
import { PAGE_BACKOFF, settle, withBackoff } from "./settle";

/** Shop records per page: also the most values one batched CRM look-up (IN list) may hold. */
export const PAGE_SIZE = 100;
/**
 * Pages worked on at once. Two: while the last creates of one page finish, the next page's shop
 * reads and CRM look-ups are done and its creates fill the sessions freed — no session waits for
 * a page boundary. More would only hold more memory and locks.
 */
const PIPELINE_DEPTH = 2;
/** Ids per request when counting a shop's records. */
const COUNT_PAGE_SIZE = 5_000;

/** Exports one record of a page, with what the page's batched look-ups found. */
export type RecordStep<R> = (record: R, attempt: number) => Promise<RecordDone>;

/** A page once its shop data is read: its natural keys (locked while it runs) and its CRM look-ups. */
export interface ReadPage<R> {
  keys: string[];
  /** The page's batched CRM look-ups; returns the step that exports one of its records. */
  lookUp(): Promise<RecordStep<R>>;
}

/** What one kind of export (products, customers) does with a page of shop records. */
export interface ExportKindSpec<S extends z.ZodType<{ id: number }>> {
  resource: string;
  schema: S;
  /** The fields the export reads (not display=full: a product's long description alone is most of a page). */
  display: string[];
  /** Batched shop reads for page number `page` (numbered in order from 0 within a pass). */
  readPage(records: ReadonlyArray<z.output<S>>, page: number): Promise<ReadPage<z.output<S>>>;
  /** Pages up to `page` are done and recorded: forget what only they needed. */
  pageDone?(page: number): void;
}

/** One kind's export, the record type hidden: what runs, resumes and retries need. */
export interface ExportSession {
  /** How many records the shop has (read in pages of ids, never all at once). */
  count(): Promise<number>;
  /**
   * Exports the records after id `afterId` (at most `limit`) in id order; each yield is a finished
   * page's outcomes, pages in order, so its last shop id is a safe cursor.
   */
  exportAfter(afterId: number, limit?: number): AsyncGenerator<RecordOutcome[], void, undefined>;
  /** Exports the records of these ids again (retrying failures); ids gone from the shop are failed. */
  exportIds(ids: readonly number[]): Promise<RecordOutcome[]>;
}

export interface SessionOptions {
  /** Records exported at once, over all pages in flight (one CRM session each). */
  concurrency: number;
  locks: RunKeyLocks;
}

export function exportSession<S extends z.ZodType<{ id: number }>>(shop: PrestashopClient, spec: ExportKindSpec<S>, options: SessionOptions): ExportSession {
  type R = z.output<S>;
  const slots = new Slots(options.concurrency);

  /** A page, start to end: its reads (tried again as a whole if they keep failing), its locks, its records. */
  async function exportPage(records: readonly R[], page: number): Promise<RecordOutcome[]> {
    if (records.length === 0) return [];
    const read = await withBackoff(() => spec.readPage(records, page), PAGE_BACKOFF);
    return options.locks.hold(read.keys, async () => {
      const step = await withBackoff(() => read.lookUp(), PAGE_BACKOFF);
      return Promise.all(records.map((record) => slots.run(() => settle(record.id, (attempt) => step(record, attempt), slots))));
    });
  }

  /** Pages through the pipeline, PIPELINE_DEPTH at a time; yields their outcomes in page order. */
  async function* pipeline(pages: AsyncIterable<R[]>): AsyncGenerator<RecordOutcome[], void, undefined> {
    const inFlight: Array<{ page: number; outcomes: Promise<RecordOutcome[]> }> = [];
    const next = async () => {
      const oldest = inFlight.shift();
      if (!oldest) throw new Error("no page in flight");
      return { page: oldest.page, outcomes: await oldest.outcomes };
    };
    let page = 0;
    try {
      for await (const records of pages) {
        const outcomes = exportPage(records, page);
        // Awaited later, in order; until then a failure must not count as unhandled.
        outcomes.catch(() => undefined);
        inFlight.push({ page: page++, outcomes });
        if (inFlight.length < PIPELINE_DEPTH) continue;
        const done = await next();
        yield done.outcomes;
        spec.pageDone?.(done.page);
      }
      while (inFlight.length > 0) {
        const done = await next();
        yield done.outcomes;
        spec.pageDone?.(done.page);
      }
    } finally {
      // Stopped early (cancel, lease lost, a page failed): pages still running hold sessions and locks.
      await Promise.allSettled(inFlight.map((each) => each.outcomes));
    }
  }

  return {
    async count() {
      let count = 0;
      for await (const _ of shop.iterate(spec.resource, { display: ["id"], pageSize: COUNT_PAGE_SIZE })) count++;
      return count;
    },
    exportAfter(afterId, limit = Number.POSITIVE_INFINITY) {
      return pipeline(aheadByOne(pagesOf(shop.iterate(spec.resource, { schema: spec.schema, display: spec.display, pageSize: PAGE_SIZE, afterId }), limit)));
    },
    async exportIds(ids) {
      const found = new Set<number>();
      async function* pages() {
        for (let i = 0; i < ids.length; i += PAGE_SIZE) {
          const records = await shop.list(spec.resource, { schema: spec.schema, display: spec.display, filter: { id: oneOf(ids.slice(i, i + PAGE_SIZE)) }, sort: ["id_ASC"] });
          for (const record of records) found.add(record.id);
          yield records;
        }
      }
      const outcomes: RecordOutcome[] = [];
      for await (const page of pipeline(pages())) outcomes.push(...page);
      for (const id of ids) if (!found.has(id)) outcomes.push({ shopId: id, outcome: "failed", reason: `Record ${id} is no longer in the shop.` });
      return outcomes;
    },
  };
}

/** The records in pages of PAGE_SIZE, at most `limit` records; iterate() holds one page at a time. */
async function* pagesOf<T>(records: AsyncIterable<T>, limit: number): AsyncGenerator<T[], void, undefined> {
  let page: T[] = [];
  let left = limit;
  for await (const record of records) {
    if (left-- <= 0) break;
    page.push(record);
    if (page.length === PAGE_SIZE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/**
 * Reads the next page from the shop while the current one is exported, so the shop's latency
 * hides behind the CRM's. One page ahead only: memory stays constant.
 */
async function* aheadByOne<T>(pages: AsyncGenerator<T, void, undefined>): AsyncGenerator<T, void, undefined> {
  let next = pages.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = pages.next();
      yield current.value;
    }
  } finally {
    // Stopped early (cancel, lease lost): let the read under way settle, then close the shop iteration.
    await next.catch(() => undefined);
    await pages.return(undefined);
  }
}
