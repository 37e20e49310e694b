/**
 * The validations of vtws_create / vtws_update / vtws_revise / vtws_retrieve / vtws_delete, in vtiger's
 * order and with its messages (include/Webservices/Create.php etc., reference §10).
 */
import { permissionOf, typesOf, type OpContext } from "./context.ts";
import { isCrmEntity, moduleByPrefix, moduleKind, splitWsId, wsId } from "./entities.ts";
import { accessDenied, DENIED, duplicateDetected, invalidId, mandatoryMissing, restrictedFile, WsError } from "./errors.ts";
import { collationKey, phpString } from "./php.ts";
import type { StoredRecord } from "./store.ts";
import { userById } from "./users.ts";

export type WriteOp = "create" | "update" | "revise";
type RecordOp = "retrieve" | "update" | "delete";

const NOT_PERMITTED = "Permission to read given object is denied";

/** VtigerCRMObjectMeta/ActorMeta::getObjectEntityName: which module a live id belongs to. */
function liveRecord(ctx: OpContext, prefixModule: string, key: string): StoredRecord | undefined {
  if (!/^\d+$/.test(key)) return undefined;
  const id = Number(key);
  const inCrmEntity = isCrmEntity(prefixModule) || !moduleKind(prefixModule);
  const record = inCrmEntity ? ctx.store.entity(id) : ctx.store.find(prefixModule, id);
  return record && !record.deleted ? record : undefined;
}

/**
 * Resolve a webservice id for retrieve/update/revise/delete. A deleted or missing record is ACCESS_DENIED
 * (not RECORD_NOT_FOUND), an id whose prefix names another module is INVALID_ID_ATTRIBUTE.
 */
export function locate(ctx: OpContext, id: unknown, op: RecordOp): StoredRecord {
  const { prefix, id: key } = splitWsId(phpString(id));
  const prefixModule = moduleByPrefix(prefix);
  if (!prefixModule) throw accessDenied(`${DENIED} for id`);
  const record = liveRecord(ctx, prefixModule, key);
  if (!record || !typesOf(ctx).includes(record.module)) throw accessDenied();
  if (record.module !== prefixModule) throw invalidId();
  if (!mayTouch(ctx, record, op)) throw accessDenied(NOT_PERMITTED);
  return record;
}

function mayTouch(ctx: OpContext, record: StoredRecord, op: RecordOp): boolean {
  if (op === "retrieve") return true;
  if (record.module === "Users" && op === "update") return ctx.user.isAdmin || record.id === ctx.user.id;
  return permissionOf(ctx, record.module)[op];
}

/** Reference fields are checked by id prefix only: a well-formed id of a missing record is accepted. */
export function checkReferences(ctx: OpContext, module: string, element: Record<string, unknown>, op: WriteOp): void {
  const types = typesOf(ctx);
  for (const field of ctx.schema.columnFields(module)) {
    if (field.type.name !== "reference") continue;
    const raw = element[field.name];
    if (raw === undefined || raw === null) continue;
    const value = phpString(raw);
    if (value === "") {
      // create/update drop an empty reference (update then keeps the old value); revise stores it, clearing it.
      if (op !== "revise") delete element[field.name];
      continue;
    }
    const invalid = () => new WsError("REFERENCE_INVALID", `Invalid reference specified for ${field.name}`);
    if (!value.includes("x")) throw invalid();
    const target = moduleByPrefix(splitWsId(value).prefix);
    if (!target) throw accessDenied(`${DENIED} for id`);
    if (!(field.type.refersTo ?? []).includes(target)) throw invalid();
    if (!types.includes(target) && target !== "Users") {
      throw accessDenied(`Permission to access reference type is denied${op === "create" ? "" : " "}${target}`);
    }
  }
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === "";

/** EntityMeta::hasMandatoryFields ("0" is a value; "" and null are not). */
export function checkAllMandatory(ctx: OpContext, module: string, element: Record<string, unknown>): void {
  for (const name of ctx.schema.mandatoryFields(module)) {
    if (isBlank(element[name])) throw mandatoryMissing(name);
  }
}

/** EntityMeta::isUpdateMandatoryFields (revise): only the mandatory fields present must be non-empty. */
export function checkPresentMandatory(ctx: OpContext, module: string, element: Record<string, unknown>): void {
  for (const name of ctx.schema.mandatoryFields(module)) {
    if (Object.hasOwn(element, name) && isBlank(element[name])) throw mandatoryMissing(name);
  }
}

const cannotAssign = (): WsError => accessDenied("Cannot assign record to the given user");

/**
 * Owner fields (assigned_user_id) after hasAssignPrivilege, as they will be stored. Admins may assign to
 * anyone (a bare number silently becomes themselves; a missing user id crashes into vtiger's HTML guard);
 * other users to any active user or group, as with the default public sharing rules.
 */
export function resolveOwners(ctx: OpContext, module: string, element: Record<string, unknown>): Record<string, string> {
  const owners: Record<string, string> = {};
  for (const field of ctx.schema.columnFields(module)) {
    const raw = element[field.name];
    if (field.type.name !== "owner" || raw === undefined || raw === null) continue;
    owners[field.name] = resolveOwner(ctx, phpString(raw));
  }
  return owners;
}

function resolveOwner(ctx: OpContext, value: string): string {
  const { prefix, id } = splitWsId(value);
  if (!value.includes("x")) {
    if (ctx.user.isAdmin) return wsId("Users", ctx.user.id);
    throw cannotAssign();
  }
  const target = moduleByPrefix(prefix);
  if (target === "Users") {
    if (userById(ctx.store, Number(id))?.record.fields.status === "Active") return value;
    if (ctx.user.isAdmin) throw restrictedFile();
    throw cannotAssign();
  }
  if (target === "Groups" && ctx.store.find("Groups", Number(id))) return value;
  throw cannotAssign();
}

/** CheckDuplicateHandler: unique fields (fresh 8.2: Accounts.accountname) compared with SQL "=" collation. */
export function checkDuplicates(ctx: OpContext, module: string, fields: Record<string, string>, selfId?: number): void {
  for (const name of ctx.schema.uniqueFields(module)) {
    const value = fields[name];
    if (!value) continue;
    // Through an index of the column's collation keys: a scan per create was O(n) on big CRMs.
    const keyOf = (record: StoredRecord) => collationKey(record.fields[name] ?? "");
    const namesakes = ctx.store.lookup(module, `unique:${name}`, keyOf, collationKey(value));
    const clash = namesakes.some((other) => !other.deleted && other.id !== selfId);
    if (clash) throw duplicateDetected();
  }
}

/** The currency marked defaultid -11; new products are priced in it unless told otherwise. */
export function baseCurrency(ctx: OpContext): string {
  const base = ctx.store.all("Currency").find((currency) => currency.fields.defaultid === "-11");
  return base ? wsId("Currency", base.id) : "";
}

/** VtigerProductOperation::sanitizeCurrency: a product's currency must be an active one. */
export function productCurrency(ctx: OpContext, raw: unknown): string | undefined {
  if (isBlank(raw)) return undefined;
  const value = phpString(raw);
  const id = value.includes("x") ? splitWsId(value).id : value;
  const currency = /^\d+$/.test(id) ? ctx.store.find("Currency", Number(id)) : undefined;
  if (!currency || currency.fields.currency_status !== "Active" || currency.fields.deleted === "1") {
    throw new WsError("CURRENCY_INACTIVE", "Provided Curreny is Inactive");
  }
  return wsId("Currency", currency.id);
}
