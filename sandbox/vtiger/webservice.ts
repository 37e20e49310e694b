/**
 * webservice.php: operation lookup, parameter reading, session check and the response envelope
 * (reference §2, §3; webservice.php and OperationManager.php).
 */
import type { Auth, Session } from "./auth.ts";
import type { OpContext } from "./context.ts";
import { createRecord, deleteRecord, retrieveRecord, reviseRecord, updateRecord } from "./crud.ts";
import { describe, listTypes } from "./describe-op.ts";
import { phpCrash, RawFailure, restrictedFile, unknownError, WsError } from "./errors.ts";
import { phpJsonDecode } from "./php.ts";
import { runQuery } from "./query.ts";

/** A webservice.php request: `query` is $_GET, `body` is $_POST. */
export interface WsRequest {
  query: Record<string, string>;
  body: Record<string, string>;
}

export type WsReply = { kind: "json"; payload: unknown } | { kind: "raw"; failure: RawFailure };

/** What an operation may use; `context` is only available once a session is established. */
export interface WsEnvironment {
  auth: Auth;
  context(session: Session): OpContext;
}

type Params = Record<string, unknown>;

interface Operation {
  method: "GET" | "POST";
  /** Registered parameters; "encoded" ones carry JSON text. */
  params: Record<string, "string" | "encoded">;
  prelogin?: boolean;
  run(env: WsEnvironment, params: Params, session: Session | null): unknown;
}

/** Handlers registered in vtiger_ws_operation that die on PHP 8 (named-argument mismatch, reference §3). */
const crashes = (method: "GET" | "POST"): Operation => ({
  method,
  params: {},
  run: () => {
    throw phpCrash();
  },
});

/** changePassword/deleteUser point at files 8.2 moved, which trips vtiger's include guard. */
const movedHandler: Operation = {
  method: "POST",
  params: {},
  run: () => {
    throw restrictedFile();
  },
};

const withUser =
  (run: (ctx: OpContext, params: Params) => unknown): Operation["run"] =>
  (env, params, session) =>
    run(env.context(session as Session), params);

const OPERATIONS: Readonly<Record<string, Operation>> = {
  getchallenge: {
    method: "GET",
    params: { username: "string" },
    prelogin: true,
    run: (env, p) => env.auth.getChallenge(p.username),
  },
  login: {
    method: "POST",
    params: { username: "string", accessKey: "string" },
    prelogin: true,
    run: (env, p, session) => env.auth.login(p.username, p.accessKey, session),
  },
  extendsession: {
    method: "POST",
    params: { operation: "string" },
    prelogin: true,
    // Only useful inside a logged-in browser session, which a webservice client never has.
    run: (_env, p) => {
      if (p.operation) throw new WsError("AUTHENTICATION_FAILURE", "Authencation Failed");
      throw new WsError("AUTHENTICATION_REQUIRED", "Authencation required");
    },
  },
  listtypes: {
    method: "GET",
    params: { fieldTypeList: "encoded" },
    run: withUser((c, p) => listTypes(c, p.fieldTypeList)),
  },
  describe: { method: "GET", params: { elementType: "string" }, run: withUser((c, p) => describe(c, p.elementType)) },
  create: {
    method: "POST",
    params: { elementType: "string", element: "encoded" },
    run: withUser((c, p) => createRecord(c, p.elementType, p.element)),
  },
  retrieve: { method: "GET", params: { id: "string" }, run: withUser((c, p) => retrieveRecord(c, p.id)) },
  update: { method: "POST", params: { element: "encoded" }, run: withUser((c, p) => updateRecord(c, p.element)) },
  revise: { method: "POST", params: { element: "encoded" }, run: withUser((c, p) => reviseRecord(c, p.element)) },
  delete: { method: "POST", params: { id: "string" }, run: withUser((c, p) => deleteRecord(c, p.id)) },
  query: { method: "GET", params: { query: "string" }, run: withUser((c, p) => runQuery(c, p.query)) },
  logout: crashes("POST"),
  sync: crashes("GET"),
  convertlead: crashes("POST"),
  retrieve_inventory: crashes("GET"),
  files_retrieve: crashes("GET"),
  changepassword: movedHandler,
  deleteuser: movedHandler,
};

const WRITE_OPERATIONS = new Set(["create", "update", "revise", "delete"]);

export const isWriteOperation = (operation: string): boolean => WRITE_OPERATIONS.has(operation);

/** $_REQUEST: query string and form body, the body winning. */
const requestParam = (request: WsRequest, name: string): string | undefined => request.body[name] ?? request.query[name];

/** vtws_getParameter: PHP-falsy values ("" and "0") count as absent. */
const parameter = (source: Record<string, string>, name: string): string | undefined => {
  const value = source[name];
  return value === undefined || value === "" || value === "0" ? undefined : value;
};

export function operationName(request: WsRequest): string {
  return (requestParam(request, "operation") ?? "").toLowerCase();
}

export function sessionNameOf(request: WsRequest): string | null {
  const name = parameter({ ...request.query, ...request.body }, "sessionName");
  return name === undefined || name.toLowerCase() === "null" ? null : name;
}

export function callWebservice(env: WsEnvironment, request: WsRequest): WsReply {
  const operation = OPERATIONS[operationName(request)];
  // An unknown operation throws before webservice.php's try block; only "json" has an encoder.
  if (!operation || (requestParam(request, "format") ?? "json").toLowerCase() !== "json") {
    return { kind: "raw", failure: phpCrash() };
  }
  try {
    const sessionName = sessionNameOf(request);
    const session = sessionName === null ? null : env.auth.resume(sessionName);
    if (!session && !operation.prelogin) throw new WsError("AUTHENTICATION_REQUIRED", "Authencation required");
    // Everything but operation/sessionName/format is read from the operation's own HTTP method only.
    const input = operation.method === "GET" ? request.query : request.body;
    const params: Params = {};
    for (const [name, type] of Object.entries(operation.params)) {
      const value = parameter(input, name);
      params[name] = type === "encoded" ? phpJsonDecode(value) : (value ?? null);
    }
    return { kind: "json", payload: { success: true, result: operation.run(env, params, session) } };
  } catch (error) {
    if (error instanceof RawFailure) return { kind: "raw", failure: error };
    const failure = error instanceof WsError ? error : unexpected(error);
    return { kind: "json", payload: { success: false, error: { code: failure.code, message: failure.message } } };
  }
}

/** Any other exception is reported like vtiger does; the sandbox also logs it, as it is a sandbox bug. */
function unexpected(error: unknown): WsError {
  console.error("[vtiger sandbox] unexpected error", error);
  return unknownError();
}
