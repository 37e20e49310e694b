/**
 * Client for the PrestaShop webservice (1.6.0.9 … 9.x, reference /work/shared/reference/prestashop-webservice.md).
 *
 *   const shop = new PrestashopClient({ url, key });
 *   const order = await shop.getOrder(12);
 *   for await (const customer of shop.iterate("customers", { schema: customerSchema })) …
 *
 * Read-only: the connector never writes to the shop. Every answer is validated; failures are the
 * typed errors of errors.ts, and transient ones are retried with backoff first.
 */
import type { z } from "zod";
import { PrestashopConfigError, PrestashopProtocolError, PrestashopUsageError } from "./errors";
import { eq, gt, oneOf } from "./filter";
import { runProbe, type PrestashopProbeResult } from "./probe";
import { assertField, listQueryString, sortKeys, type Display, type ListQuery } from "./query";
import { withRetries, type RetryPolicy } from "./retry";
import {
  addressSchema,
  configurationSchema,
  countrySchema,
  currencySchema,
  customerSchema,
  orderHistorySchema,
  orderSchema,
  orderStateSchema,
  productSchema,
  recordSchema,
  withoutSecrets,
  type Address,
  type Country,
  type Currency,
  type Customer,
  type Order,
  type OrderHistory,
  type OrderState,
  type PrestashopRecord,
  type Product,
} from "./schemas";
import { send, type Transport, type WsAnswer, type WsRequest } from "./transport";
import { normalisePrestashopUrl, webserviceUrl } from "./url";

export interface PrestashopClientOptions {
  /** Shop address in any spelling normalisePrestashopUrl accepts. */
  url: string;
  /** Webservice key (Advanced Parameters › Webservice), 32 characters. */
  key: string;
  /** Per HTTP request. Default 30 000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Further attempts after a transient failure (timeout, network, 5xx). Default 2. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one (with jitter). Default 500 ms. */
  retryDelayMs?: number;
  /** Ceiling of the retry delay. Default 10 000 ms. */
  maxRetryDelayMs?: number;
  /** Called after every HTTP round trip (retries included) with the resource and its duration. */
  onRequest?: (resource: string, ms: number) => void;
}

/** Validates each record; records are plain objects without secrets by default. */
export type WithSchema<S extends z.ZodType> = { schema?: S };

export interface IterateOptions<S extends z.ZodType> extends WithSchema<S> {
  /** Records per request. Default 100. */
  pageSize?: number;
  display?: Display;
  filter?: ListQuery["filter"];
  /** Default "[id_ASC]": PrestaShop has no default order, so unsorted pages overlap (§5.3). */
  sort?: string | readonly string[];
  language?: number;
  /** Start after this id (only with the default sort): resumes an interrupted run. */
  afterId?: number;
}

export interface ChangedSinceOptions<S extends z.ZodType> extends WithSchema<S> {
  /** Records with the same time stamp and an id up to this one were already seen. Default 0. */
  afterId?: number;
  /** Default "date_upd"; order_histories only have "date_add". */
  field?: "date_upd" | "date_add";
  pageSize?: number;
  display?: Display;
}

const RESOURCE = /^[a-z][a-z_]*$/;
/** A PrestaShop webservice key is exactly 32 characters (error #18 otherwise). */
const KEY_LENGTH = 32;
/** Time stamps as the shop stores them: its own time zone, no offset (§6.5). */
const SHOP_TIME = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;
const DEFAULT_SORT = ["id_ASC"];

export class PrestashopClient {
  /** Normalised shop base, e.g. "https://shop.example.com/". */
  readonly url: string;
  // Private fields stay out of console.log/JSON.stringify output of the client.
  readonly #transport: Transport;
  readonly #retry: RetryPolicy;

  constructor(options: PrestashopClientOptions) {
    this.url = normalisePrestashopUrl(options.url);
    // Keys pasted into settings forms often carry spaces; PrestaShop keys never do.
    const key = options.key.trim();
    if (key === "") throw new PrestashopConfigError("key", "Enter the shop's webservice key");
    if (key.length !== KEY_LENGTH) {
      throw new PrestashopConfigError("key", `A PrestaShop webservice key has ${KEY_LENGTH} characters; this one has ${key.length}`);
    }
    const timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = {
      retries: options.retries ?? 2,
      baseDelayMs: options.retryDelayMs ?? 500,
      maxDelayMs: options.maxRetryDelayMs ?? 10_000,
    };
    if (!(timeoutMs > 0)) throw new PrestashopUsageError("timeoutMs must be positive");
    if (!Number.isInteger(this.#retry.retries) || this.#retry.retries < 0) throw new PrestashopUsageError("retries must be an integer ≥ 0");
    if (!(this.#retry.baseDelayMs >= 0 && this.#retry.maxDelayMs >= this.#retry.baseDelayMs)) {
      throw new PrestashopUsageError("retry delays must be ≥ 0, the maximum not below the first");
    }
    this.#transport = {
      base: this.url,
      endpoint: webserviceUrl(this.url),
      // The key is the user name, the password stays empty (§3).
      authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
      timeoutMs,
      fetch: options.fetch ?? globalThis.fetch,
      secrets: [key],
      onRequest: options.onRequest,
    };
  }

  /** One page of a list (`display=full` unless other fields are asked for). */
  async list<S extends z.ZodType = typeof recordSchema>(
    resource: string,
    query: ListQuery & WithSchema<S> = {},
  ): Promise<Array<z.output<S>>> {
    const schema = (query.schema ?? recordSchema) as S;
    return (await this.#page(resource, query)).map((record) => parseRecord(schema, record, resource));
  }

  /**
   * Every record of a list, fetched page by page, holding one page at a time however large the
   * shop. With the default sort the pages are keyed on the last id seen (`filter[id]=>[last]`)
   * rather than an offset, so records deleted or added meanwhile never shift a page and the
   * last id is a cursor to resume from; any other sort pages with `limit=offset,count`.
   */
  async *iterate<S extends z.ZodType = typeof recordSchema>(
    resource: string,
    options: IterateOptions<S> = {},
  ): AsyncGenerator<z.output<S>, void, undefined> {
    const schema = (options.schema ?? recordSchema) as S;
    const pageSize = options.pageSize ?? 100;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new PrestashopUsageError("pageSize must be a positive integer", resource);
    const sort = options.sort ?? DEFAULT_SORT;
    const keyset = sortsById(sort) && options.filter?.id === undefined;
    if (options.afterId !== undefined && (!keyset || !Number.isSafeInteger(options.afterId) || options.afterId < 0)) {
      throw new PrestashopUsageError("afterId must be an id ≥ 0, with the default sort [id_ASC] and no id filter", resource);
    }
    const display = withFields(options.display, ["id"]);
    let lastId = options.afterId ?? 0;
    for (let offset = 0; ; ) {
      const page = await this.#page(resource, {
        display,
        sort,
        ...(options.language === undefined ? {} : { language: options.language }),
        filter: keyset && lastId > 0 ? { ...options.filter, id: gt(lastId) } : options.filter,
        limit: keyset ? pageSize : { offset, count: pageSize },
      });
      for (const record of page) {
        lastId = recordIdOf(record, resource);
        yield parseRecord(schema, record, resource);
      }
      if (page.length < pageSize) return;
      offset += page.length;
    }
  }

  /**
   * Records whose `date_upd` (or `date_add`) is after `since` – or equal to it with an id above
   * `afterId` – in time-stamp then id order: the catch-up poll after missed webhooks. `since` is
   * a shop-local time "YYYY-MM-DD HH:MM:SS", best the time stamp of the last record seen, with
   * its id as `afterId`. PrestaShop's `>` is strict and has no OR, so records sharing the cursor's
   * time stamp are drained by id first, then the next page is read strictly after it; every page
   * starts from the cursor, so records changing meanwhile cannot shift a page.
   */
  async *changedSince<S extends z.ZodType = typeof recordSchema>(
    resource: string,
    since: string,
    options: ChangedSinceOptions<S> = {},
  ): AsyncGenerator<z.output<S>, void, undefined> {
    const schema = (options.schema ?? recordSchema) as S;
    const field = options.field ?? "date_upd";
    const pageSize = options.pageSize ?? 100;
    const start = since.trim().replace("T", " ");
    if (!SHOP_TIME.test(start)) {
      throw new PrestashopUsageError(`"${since.slice(0, 40)}" is not a shop time like 2024-05-01 13:45:00 (shop time zone, no offset)`, resource);
    }
    const display = withFields(options.display, ["id", field]);
    let cursor = { time: start, id: options.afterId ?? 0 };
    for (;;) {
      const ties = this.iterate(resource, { display, pageSize, filter: { [field]: eq(cursor.time) }, afterId: cursor.id });
      for await (const record of ties) {
        cursor = { time: cursor.time, id: recordIdOf(record, resource) };
        yield parseRecord(schema, record, resource);
      }
      const page = await this.#page(resource, {
        display,
        filter: { [field]: gt(cursor.time) },
        sort: [`${field}_ASC`, "id_ASC"],
        limit: pageSize,
      });
      for (const record of page) {
        cursor = { time: timeOf(record, field, resource), id: recordIdOf(record, resource) };
        yield parseRecord(schema, record, resource);
      }
      if (page.length < pageSize) return;
    }
  }

  /**
   * One record by id, from the detail view. On 8.x/9.x that view leaves out every falsy field
   * (§6.3); the schemas read a missing field as 0, false, "" or empty, which is what it was.
   */
  async get<S extends z.ZodType = typeof recordSchema>(resource: string, id: number, options: WithSchema<S> = {}): Promise<z.output<S>> {
    assertResource(resource);
    if (!Number.isSafeInteger(id) || id < 1) throw new PrestashopUsageError(`${id} is not a record id`, resource);
    const answer = await this.#request({ resource, id, query: "" });
    return parseRecord((options.schema ?? recordSchema) as S, detailRecord(answer, resource, id), resource);
  }

  getCustomer(id: number): Promise<Customer> {
    return this.get("customers", id, { schema: customerSchema });
  }

  getAddress(id: number): Promise<Address> {
    return this.get("addresses", id, { schema: addressSchema });
  }

  /** The customer's oldest address that is not deleted, or null when there is none (customers have no address association, §10.2). */
  async firstAddressOf(customerId: number): Promise<Address | null> {
    const [address] = await this.list("addresses", {
      schema: addressSchema,
      filter: { id_customer: customerId, deleted: 0 },
      sort: DEFAULT_SORT,
      limit: 1,
    });
    return address ?? null;
  }

  getOrder(id: number): Promise<Order> {
    return this.get("orders", id, { schema: orderSchema });
  }

  getProduct(id: number): Promise<Product> {
    return this.get("products", id, { schema: productSchema });
  }

  getCountry(id: number): Promise<Country> {
    return this.get("countries", id, { schema: countrySchema });
  }

  /** All currencies, deleted and inactive ones included (their flags say so). */
  listCurrencies(): Promise<Currency[]> {
    return this.list("currencies", { schema: currencySchema, sort: DEFAULT_SORT });
  }

  listOrderStates(): Promise<OrderState[]> {
    return this.list("order_states", { schema: orderStateSchema, sort: DEFAULT_SORT });
  }

  /** The order's status changes, oldest first. */
  orderHistories(orderId: number): Promise<OrderHistory[]> {
    return this.list("order_histories", { schema: orderHistorySchema, filter: { id_order: orderId }, sort: DEFAULT_SORT });
  }

  /**
   * Configuration values by name (e.g. PS_OS_CANCELED); names without a value are left out. A name
   * can have a global row and rows per shop or group: the global one wins, as the connector reads
   * the shop as a whole.
   */
  async configuration<N extends string>(names: readonly N[]): Promise<Partial<Record<N, string>>> {
    if (names.length === 0) return {};
    const rows = await this.list("configurations", { schema: configurationSchema, filter: { name: oneOf(names) }, sort: DEFAULT_SORT });
    const values: Partial<Record<N, string>> = {};
    const wanted = new Set<string>(names);
    for (const row of rows) {
      if (!wanted.has(row.name) || row.value === null) continue;
      const name = row.name as N;
      const global = row.id_shop === 0 && row.id_shop_group === 0;
      if (values[name] === undefined || global) values[name] = row.value;
    }
    return values;
  }

  /** "Validate and test": each step a working connection needs, with what to fix (see probe.ts). */
  probe(): Promise<PrestashopProbeResult> {
    // No retries: the user is waiting, and a step that fails once is worth showing.
    return runProbe(this.url, (request) => send(this.#transport, request));
  }

  async #page(resource: string, query: ListQuery): Promise<PrestashopRecord[]> {
    assertResource(resource);
    const answer = await this.#request({ resource, query: listQueryString(query) });
    return listRecords(answer, resource);
  }

  #request(request: WsRequest): Promise<WsAnswer> {
    return withRetries(this.#retry, () => send(this.#transport, request));
  }
}

function assertResource(resource: string): void {
  if (!RESOURCE.test(resource)) throw new PrestashopUsageError(`"${resource.slice(0, 60)}" is not a webservice resource name`);
}

function sortsById(sort: string | readonly string[]): boolean {
  const keys = sortKeys(sort);
  return keys.length === 1 && keys[0] === "id_ASC";
}

/** A field list extended by the fields paging relies on; "full" has them all. */
function withFields(display: Display | undefined, needed: readonly string[]): Display {
  if (display === undefined || display === "full") return "full";
  for (const field of needed) assertField(field);
  return [...needed.filter((field) => !display.includes(field)), ...display];
}

function unexpected(resource: string, text: string, id?: number): PrestashopProtocolError {
  return new PrestashopProtocolError({ status: 200, resource, id, problem: "unexpected-json", excerpt: text });
}

/**
 * The records of a list answer: `{"customers":[…]}`, or the bare `[]` PrestaShop sends for an
 * empty result (§6.2). The key is looked up by resource name first; a single list-valued key is
 * accepted too, since a few resources name their list differently.
 */
function listRecords(answer: WsAnswer, resource: string): PrestashopRecord[] {
  const json = answer.json;
  let list: unknown;
  if (Array.isArray(json)) {
    list = json;
  } else if (json && typeof json === "object") {
    const entries = Object.entries(json);
    list = resource in json ? (json as Record<string, unknown>)[resource] : entries.length === 1 ? entries[0]?.[1] : undefined;
  }
  if (!Array.isArray(list)) throw unexpected(resource, `expected a list of ${resource}`);
  return list.map((record: unknown) => {
    if (!record || typeof record !== "object" || Array.isArray(record)) throw unexpected(resource, `a ${resource} entry is not an object`);
    return withoutSecrets(record as PrestashopRecord);
  });
}

/** The record of a detail answer `{"customer":{…}}` (or `{"customers":[{…}]}` when display was given). */
function detailRecord(answer: WsAnswer, resource: string, id: number): PrestashopRecord {
  const json = answer.json;
  const values = json && typeof json === "object" && !Array.isArray(json) ? Object.values(json) : [];
  const value: unknown = values.length === 1 ? values[0] : undefined;
  const record: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (!record || typeof record !== "object" || Array.isArray(record)) throw unexpected(resource, "expected one record", id);
  return withoutSecrets(record as PrestashopRecord);
}

function parseRecord<S extends z.ZodType>(schema: S, record: PrestashopRecord, resource: string): z.output<S> {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(record)"}: ${issue.message}`)
    .join("; ");
  const id = Number(record.id);
  throw unexpected(resource, problems, Number.isSafeInteger(id) && id > 0 ? id : undefined);
}

function recordIdOf(record: PrestashopRecord, resource: string): number {
  const id = Number(record.id);
  if (!Number.isSafeInteger(id) || id < 1) throw unexpected(resource, "a record has no id");
  return id;
}

function timeOf(record: PrestashopRecord, field: string, resource: string): string {
  const value = record[field];
  if (typeof value !== "string" || !SHOP_TIME.test(value)) throw unexpected(resource, `a record has no ${field}`);
  return value;
}
