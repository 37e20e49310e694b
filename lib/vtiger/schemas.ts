/**
 * zod schemas for every answer the client reads. They are strict where the client relies on a
 * value (session name, field names) and tolerant elsewhere: vtiger versions add keys over time
 * (isunique in 7.1, user preferences in the 7.3 login result), so unknown keys pass through and
 * optional keys may be missing. Shapes: reference §2 (envelope), §4 (auth), §7 (listtypes),
 * §8 (describe), §9 (query), §10/§11 (records).
 */
import { z } from "zod";

/** PHP sometimes sends numbers where strings are usual (and the other way round); keep the text. */
const text = z.union([z.string(), z.number()]).transform(String);
/** Optional text that may also come as null. */
const optText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));
/**
 * Booleans from PHP: real booleans mostly, but the synthetic tax/price fields of Products/Services
 * come with mandatory "" and editable "1" (8.2). Read them with PHP's truthiness.
 */
const flag = z
  .union([z.boolean(), z.number(), z.string(), z.null()])
  .transform((v) => v !== null && v !== false && v !== 0 && v !== "" && v !== "0" && v !== "false");

/** Every answer: success with any result, or failure with code (string, or the number 0 for duplicates). */
export const envelopeSchema = z.discriminatedUnion("success", [
  z.object({ success: z.literal(true), result: z.unknown() }),
  z.object({
    success: z.literal(false),
    error: z.object({
      code: z.union([z.string(), z.number()]),
      message: z.union([z.string(), z.null()]).optional().transform((m) => m ?? ""),
    }),
  }),
]);

export const challengeSchema = z.looseObject({
  token: z.string().min(1),
  serverTime: z.number().optional(),
  expireTime: z.number().optional(),
});

/**
 * Login result without the session name (which must not leave the client). 5.1–7.2 return only
 * userId/version/vtigerVersion; 7.3+ add the user's preferences (is_admin "on"/"off", …).
 */
export const loginInfoSchema = z.looseObject({
  userId: z.string().regex(/^\d+x\d+$/, "a webservice id like 19x1"),
  version: text,
  vtigerVersion: text,
  username: optText,
  first_name: optText,
  last_name: optText,
  email: optText,
  time_zone: optText,
  hour_format: optText,
  date_format: optText,
  is_admin: optText,
  call_duration: optText,
  other_event_duration: optText,
});
export type LoginInfo = z.infer<typeof loginInfoSchema>;
export const loginResultSchema = loginInfoSchema.extend({ sessionName: z.string().min(1) });

export const listTypesSchema = z.looseObject({
  types: z.array(z.string()),
  information: z
    .record(z.string(), z.looseObject({ isEntity: flag.optional(), label: optText, singular: optText }))
    .optional(),
});
export type ListTypesResult = z.infer<typeof listTypesSchema>;

const picklistValueSchema = z.looseObject({ label: text, value: text });

export const fieldTypeSchema = z.looseObject({
  name: z.string(),
  picklistValues: z.array(picklistValueSchema).optional(),
  defaultValue: optText,
  refersTo: z.array(z.string()).optional(),
  format: optText,
});

export const fieldDescriptionSchema = z.looseObject({
  name: z.string().min(1),
  label: optText,
  mandatory: flag,
  type: fieldTypeSchema,
  isunique: flag.optional(),
  nullable: flag.optional(),
  editable: flag.optional(),
  default: optText,
});
export type FieldDescription = z.infer<typeof fieldDescriptionSchema>;

export const describeResultSchema = z.looseObject({
  name: z.string().min(1),
  label: optText,
  createable: flag,
  updateable: flag,
  deleteable: flag,
  retrieveable: flag,
  fields: z.array(fieldDescriptionSchema),
  idPrefix: text,
  isEntity: flag.optional(),
  labelFields: optText,
  allowDuplicates: flag.optional(),
});
export type DescribeResult = z.infer<typeof describeResultSchema>;

/**
 * A query row: vtiger returns DB values as strings (null for a few empty columns, which we turn
 * into "" – the WS itself uses "" for empty everywhere else).
 */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "1" : "0";
  return String(v);
});
export const queryRowSchema = z.record(z.string(), cell);
export type VtigerRow = z.infer<typeof queryRowSchema>;
export const queryResultSchema = z.array(queryRowSchema);

/**
 * A record from create/retrieve/update/revise. Values are mostly strings, but inventory answers mix
 * in numbers (hdnGrandTotal 46.98), null, the `LineItems` array and the `LineItems_FinalDetails`
 * object, so values stay `unknown`; `recordText` and `recordLineItems` read them safely.
 */
export const recordSchema = z.looseObject({ id: z.string().min(1) });
export type VtigerRecord = z.infer<typeof recordSchema>;

/** A field of a record as text: numbers as written by JSON, null/missing as "", booleans as "1"/"0". */
export function recordText(record: VtigerRecord, field: string): string {
  const value = record[field];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return "";
}

/**
 * The `LineItems` of an inventory record (Quotes, SalesOrder, Invoice, PurchaseOrder), [] if none.
 * Scalar values become text like query cells; anything nested is left out.
 */
export function recordLineItems(record: VtigerRecord): VtigerRow[] {
  const items = record.LineItems;
  if (!Array.isArray(items)) return [];
  return items.map((item: unknown) => {
    const row: VtigerRow = {};
    if (item && typeof item === "object") {
      for (const [key, value] of Object.entries(item)) {
        const parsed = cell.safeParse(value);
        if (parsed.success) row[key] = parsed.data;
      }
    }
    return row;
  });
}

/** Answer of delete: {"status":"successful"}. */
export const deleteResultSchema = z.looseObject({ status: z.string() });

/** An element to write: JSON-encodable field values (strings recommended, see reference §10.1). */
export type VtigerElement = Record<string, unknown>;
