/**
 * Client for vtiger's webservice.php (vtiger 5.1 … 8.3, reference /work/shared/reference/vtiger-webservice.md).
 *
 *   const crm = new VtigerClient({ url, username, accessKey });
 *   const leads = await crm.query(vtql`SELECT id FROM Leads WHERE email = ${email};`);
 *
 * Sessions come from a pool shared by all clients of the same CRM, user and key (session-pool.ts);
 * expired sessions are renewed and the call repeated once, invisibly to the caller. Every answer is
 * validated; failures are the typed errors of errors.ts.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { isSessionError, VtigerApiError, VtigerConfigError, VtigerError, VtigerUsageError } from "./errors";
import { ModuleDescription } from "./module-description";
import {
  challengeSchema,
  deleteResultSchema,
  describeResultSchema,
  listTypesSchema,
  loginResultSchema,
  queryResultSchema,
  recordSchema,
  type ListTypesResult,
  type LoginInfo,
  type VtigerElement,
  type VtigerRecord,
  type VtigerRow,
} from "./schemas";
import { attachPool, detachPool, poolKey, withLoginLock, type Session, type SessionPool } from "./session-pool";
import { parseResult, send, type Transport } from "./transport";
import { normaliseVtigerUrl, webserviceEndpoint } from "./url";

export interface VtigerClientOptions {
  /** CRM address in any spelling normaliseVtigerUrl accepts. */
  url: string;
  /** vtiger login name of the webservice user. */
  username: string;
  /** The user's webservice access key (My Preferences → User Advanced Options), not the password. */
  accessKey: string;
  /** Maximum parallel sessions (vtiger runs one request per session at a time). Default 4. */
  poolSize?: number;
  /** Per HTTP request. Default 30 000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Called after every HTTP round trip with the vtiger operation name and its duration. */
  onCall?: (op: string, ms: number) => void;
  /**
   * Further tries of a read (GET: query, retrieve, describe, listtypes) after a transient failure.
   * Reads change nothing, so repeating them is safe; writes are never repeated here (a lost answer
   * may hide a committed write: the caller looks the record up before creating again). Default 2.
   */
  readRetries?: number;
  /**
   * Serialises logins with other processes sharing this CRM user (vtiger keeps one live challenge
   * token per user, so interleaved getchallenge/login pairs fail). Logins within one process are
   * always serialised; pass a database-backed lock when several worker processes run.
   */
  loginLock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** vtiger never returns more than 100 rows per query (§9.3). */
const PAGE_SIZE = 100;
const WS_ID = /^\d+x\d+$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ORDER_BY = /^[A-Za-z_]\w*(\s*,\s*[A-Za-z_]\w*)*(\s+(ASC|DESC))?$/i;
/** Codes a login answers when its token was replaced by a concurrent getchallenge of the same user. */
const RACED_LOGIN_CODES = new Set(["INVALID_USER_CREDENTIALS", "INVALID_AUTH_TOKEN"]);
/** logout is best-effort (HTTP 500 on PHP 8, §4.5); never let it hold up shutdown for long. */
const LOGOUT_TIMEOUT_MS = 5_000;

const countResultSchema = z.tuple([z.looseObject({ count: z.coerce.number().int().nonnegative() })]).rest(z.unknown());

export class VtigerClient {
  /** Normalised site root, e.g. "https://crm.example.com/vtiger/". */
  readonly url: string;
  readonly username: string;
  // Private fields stay out of console.log/JSON.stringify output of the client.
  readonly #accessKey: string;
  readonly #transport: Transport;
  readonly #poolKey: string;
  readonly #pool: SessionPool;
  readonly #readRetries: number;
  readonly #loginLock: <T>(fn: () => Promise<T>) => Promise<T>;
  #closed = false;

  constructor(options: VtigerClientOptions) {
    this.url = normaliseVtigerUrl(options.url);
    // Values pasted into settings forms often carry spaces; vtiger names and keys never do.
    this.username = options.username.trim();
    this.#accessKey = options.accessKey.trim();
    if (this.username === "") throw new VtigerConfigError("username", "Enter the CRM user name");
    if (this.#accessKey === "") throw new VtigerConfigError("accessKey", "Enter the access key of the CRM user");
    const poolSize = options.poolSize ?? 4;
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new VtigerUsageError("poolSize must be a positive integer");
    if (!(timeoutMs > 0)) throw new VtigerUsageError("timeoutMs must be positive");
    this.#readRetries = options.readRetries ?? 2;
    this.#loginLock = options.loginLock ?? ((fn) => fn());
    this.#transport = {
      endpoint: webserviceEndpoint(this.url),
      timeoutMs,
      fetch: options.fetch,
      secrets: [this.#accessKey],
      onCall: options.onCall,
    };
    this.#poolKey = poolKey(this.url, this.username, this.#accessKey);
    this.#pool = attachPool(this.#poolKey, poolSize);
  }

  /** Login result (userId, vtigerVersion, and on 7.3+ is_admin, date_format, …); logs in if needed. */
  async loginInfo(): Promise<LoginInfo> {
    if (!this.#pool.loginInfo) await this.#withSession(async () => undefined);
    const info = this.#pool.loginInfo;
    if (!info) throw new VtigerUsageError("No login result available", "login");
    return info;
  }

  /** Modules the user may access (entity modules and actor entities like Currency). */
  async listTypes(): Promise<ListTypesResult> {
    return parseResult(listTypesSchema, await this.#call("listtypes", "GET", {}), "listtypes");
  }

  /** Module metadata, cached per shared pool; `refresh` re-reads it after changes in vtiger. */
  async describe(module: string, options: { refresh?: boolean } = {}): Promise<ModuleDescription> {
    assertName(module, "describe");
    const cache = this.#pool.describeCache;
    const cached = options.refresh ? undefined : cache.get(module);
    if (cached) return cached;
    const pending = this.#call("describe", "GET", { elementType: module }, module).then(
      (result) => new ModuleDescription(parseResult(describeResultSchema, result, "describe")),
    );
    cache.set(module, pending);
    // Failures are not cached: the next call asks again.
    pending.catch(() => {
      if (cache.get(module) === pending) cache.delete(module);
    });
    return pending;
  }

  /** One VTQL statement, one page (≤ 100 rows). Build it with `vtql`; a missing final `;` is added. */
  async query(statement: string): Promise<VtigerRow[]> {
    const text = statement.trim();
    const module = /\bfrom\s+([A-Za-z_]\w*)/i.exec(withoutStrings(text))?.[1];
    const result = await this.#call("query", "GET", { query: text.endsWith(";") ? text : `${text};` }, module);
    return parseResult(queryResultSchema, result, "query");
  }

  /**
   * All rows of a SELECT (given without ORDER BY, LIMIT and `;`), fetched page by page with
   * `ORDER BY <orderBy> LIMIT offset, 100`. Non-admin users can get short pages while more rows
   * exist (permission filtering after LIMIT, §9.3), so for them paging stops only at an empty
   * page; for admins a short page is the last one.
   */
  async *queryAll(select: string, options: { orderBy?: string } = {}): AsyncGenerator<VtigerRow, void, undefined> {
    const base = select.trim();
    const orderBy = (options.orderBy ?? "id").trim();
    if (/;\s*$/.test(base) || /\b(limit|order\s+by)\b/i.test(withoutStrings(base))) {
      throw new VtigerUsageError("queryAll takes a SELECT without ORDER BY, LIMIT and ';'", "query");
    }
    if (!ORDER_BY.test(orderBy)) throw new VtigerUsageError(`Invalid orderBy "${orderBy.slice(0, 60)}"`, "query");
    const { is_admin } = await this.loginInfo();
    const admin = is_admin === "on" || is_admin === "1";
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const rows = await this.query(`${base} ORDER BY ${orderBy} LIMIT ${offset}, ${PAGE_SIZE};`);
      yield* rows;
      if (rows.length === 0 || (admin && rows.length < PAGE_SIZE)) return;
    }
  }

  /** Number of records of a module; `where` is a VTQL condition (build values with `vtql`). */
  async count(module: string, where?: string): Promise<number> {
    assertName(module, "query");
    const rows = await this.query(`SELECT count(*) FROM ${module}${where ? ` WHERE ${where}` : ""};`);
    return parseResult(countResultSchema, rows, "query")[0].count;
  }

  async create(module: string, element: VtigerElement): Promise<VtigerRecord> {
    assertName(module, "create");
    const result = await this.#call("create", "POST", { elementType: module, element: JSON.stringify(element) }, module);
    return parseResult(recordSchema, result, "create");
  }

  async retrieve(id: string): Promise<VtigerRecord> {
    assertId(id, "retrieve");
    return parseResult(recordSchema, await this.#call("retrieve", "GET", { id }), "retrieve");
  }

  /** Full update: vtiger 5.x/6.x empty every field left out (§10.3) — prefer `revise`. */
  async update(element: VtigerElement & { id: string }): Promise<VtigerRecord> {
    assertId(element.id, "update");
    const result = await this.#call("update", "POST", { element: JSON.stringify(element) });
    return parseResult(recordSchema, result, "update");
  }

  /** Partial update: only the given fields change (vtiger 5.2+). */
  async revise(element: VtigerElement & { id: string }): Promise<VtigerRecord> {
    assertId(element.id, "revise");
    const result = await this.#call("revise", "POST", { element: JSON.stringify(element) });
    return parseResult(recordSchema, result, "revise");
  }

  /** Soft delete (the record goes to vtiger's recycle bin). */
  async delete(id: string): Promise<void> {
    assertId(id, "delete");
    parseResult(deleteResultSchema, await this.#call("delete", "POST", { id }), "delete");
  }

  /**
   * Detaches from the shared pool; the last client out logs the idle sessions out. Never throws:
   * logout crashes on vtiger 7.5+ with PHP 8, and unused sessions expire on the server anyway.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!detachPool(this.#poolKey, this.#pool)) return;
    const transport = { ...this.#transport, timeoutMs: Math.min(this.#transport.timeoutMs, LOGOUT_TIMEOUT_MS) };
    await Promise.allSettled(
      this.#pool.close().map((session) =>
        send(transport, { operation: "logout", method: "POST", params: { sessionName: session.name } }),
      ),
    );
  }

  async #call(operation: string, method: "GET" | "POST", params: Record<string, string>, module?: string): Promise<unknown> {
    const tries = method === "GET" ? 1 + this.#readRetries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#withSession((sessionName) => send(this.#transport, { operation, method, params: { ...params, sessionName }, module }));
      } catch (err) {
        // Session errors were already handled (one renewal) by #withSession.
        if (attempt >= tries || !(err instanceof VtigerError) || !err.transient || isSessionError(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** (attempt - 1) * (0.5 + Math.random())));
      }
    }
  }

  /** Runs `fn` on a pooled session; a dead session is replaced and `fn` repeated once. */
  async #withSession<T>(fn: (sessionName: string) => Promise<T>): Promise<T> {
    if (this.#closed) throw new VtigerUsageError("The vtiger client is closed");
    for (let attempt = 1; ; attempt++) {
      const session = await this.#pool.acquire(() => this.#login());
      let result: T;
      try {
        result = await fn(session.name);
      } catch (err) {
        if (isSessionError(err)) {
          this.#pool.drop();
          if (attempt === 1) continue;
        } else {
          this.#pool.release(session);
        }
        throw err;
      }
      this.#pool.release(session);
      return result;
    }
  }

  /** getchallenge + login under the per-user login lock (§4). */
  #login(): Promise<{ session: Session; info: LoginInfo }> {
    return withLoginLock(this.url, this.username, () => this.#loginLock(async () => {
      for (let attempt = 1; ; attempt++) {
        const challenge = parseResult(
          challengeSchema,
          await send(this.#transport, { operation: "getchallenge", method: "GET", params: { username: this.username } }),
          "getchallenge",
        );
        const accessKey = createHash("md5").update(challenge.token + this.#accessKey).digest("hex");
        try {
          const result = await send(this.#transport, {
            operation: "login",
            method: "POST",
            params: { username: this.username, accessKey },
          });
          const { sessionName, ...info } = parseResult(loginResultSchema, result, "login");
          return { session: { name: sessionName }, info };
        } catch (err) {
          // Another process logging in as the same user between our getchallenge and login
          // replaces the token, so our hash no longer matches. Waiting a moment lets that login
          // finish (tokens stay valid until they expire), then one fresh challenge tells the race
          // apart from a wrong key.
          if (attempt === 1 && err instanceof VtigerApiError && RACED_LOGIN_CODES.has(err.code)) {
            await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
            continue;
          }
          throw err;
        }
      }
    }));
  }
}

function assertName(module: string, operation: string): void {
  if (!NAME.test(module)) throw new VtigerUsageError(`"${module.slice(0, 60)}" is not a valid module name`, operation);
}

function assertId(id: unknown, operation: string): void {
  if (typeof id !== "string" || !WS_ID.test(id)) {
    throw new VtigerUsageError(`"${String(id).slice(0, 60)}" is not a webservice id like 12x34`, operation);
  }
}

/** VTQL with quoted values blanked out, so keywords inside data are not mistaken for clauses. */
function withoutStrings(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, "''");
}
