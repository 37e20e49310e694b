/**
 * Safe VTQL building (reference §9). vtiger pastes VTQL values into SQL exactly as written – no
 * parameter binding – so every value from PrestaShop must go through `vtql` to be quoted:
 *
 *   vtql`SELECT * FROM Leads WHERE email = ${email} AND lastname IN ${names};`
 *   vtql`SELECT ${ident("id", "email")} FROM ${ident(module)} WHERE id = ${id};`
 */
import { VtigerUsageError } from "./errors";

/** What the VTQL lexer accepts as a bare word (`\w+`), minus a leading digit so it cannot pass as a number. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Module or field names, inserted unquoted (VTQL has no quoting for names) after validation. */
export class VtqlIdentifiers {
  constructor(readonly names: readonly string[]) {}
}

/** `ident("Leads")` → Leads; `ident("firstname", "lastname")` → firstname, lastname. */
export function ident(...names: string[]): VtqlIdentifiers {
  if (names.length === 0) throw new VtigerUsageError("ident() needs at least one name");
  for (const name of names) {
    if (!IDENTIFIER.test(name)) {
      throw new VtigerUsageError(`"${name.slice(0, 60)}" is not a valid VTQL module or field name`);
    }
  }
  return new VtqlIdentifiers(names);
}

export type VtqlScalar = string | number | boolean;
export type VtqlValue = VtqlScalar | readonly VtqlScalar[] | VtqlIdentifiers;

/** One value as a VTQL literal. */
export function vtqlLiteral(value: VtqlScalar): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value !== "string") throw new VtigerUsageError(`A VTQL value must be a string, number or boolean, not ${describe(value)}`);
  // The lexer needs at least one character between quotes: '' is rejected (INTERNAL_SERVER_ERROR).
  if (value === "") {
    throw new VtigerUsageError("VTQL cannot compare with an empty string ('' is rejected by vtiger); leave the condition out instead");
  }
  // Quotes are doubled (the lexer's only escape). Backslashes are doubled too: vtiger hands the text
  // to MySQL, which treats "\" as an escape character, so a value ending in "\" would otherwise
  // swallow the closing quote and let the rest of the value run as SQL.
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new VtigerUsageError(`${value} cannot be used in VTQL`);
  const written = String(value);
  if (/e/i.test(written)) throw new VtigerUsageError(`${written} is too large or small for VTQL; pass it as a string`);
  // The lexer only knows signed integers; an unquoted 1.5 is an INTERNAL_SERVER_ERROR, '1.5' works.
  return Number.isInteger(value) ? written : `'${written}'`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a nested list";
  return typeof value;
}

function listLiteral(values: readonly VtqlScalar[]): string {
  // "IN ()" is a syntax error, and an empty list usually means the caller forgot to skip the query.
  if (values.length === 0) throw new VtigerUsageError("A VTQL IN list needs at least one value");
  return `(${values.map(vtqlLiteral).join(", ")})`;
}

/**
 * Tagged template: scalars become quoted literals, arrays become `(v1, v2, …)` for IN, `ident()`
 * values are written as names. Write the `;` yourself; do not put quotes around `${…}`.
 */
export function vtql(strings: TemplateStringsArray, ...values: VtqlValue[]): string {
  let out = strings[0] ?? "";
  let quotes = countQuotes(out);
  values.forEach((value, i) => {
    // An odd number of quotes before a value means it sits inside a literal the template opened,
    // where our quoting would close the string early.
    if (quotes % 2 === 1) throw new VtigerUsageError("Do not put quotes around ${…} in vtql: values are quoted for you");
    if (value instanceof VtqlIdentifiers) out += value.names.join(", ");
    else if (Array.isArray(value)) out += listLiteral(value as readonly VtqlScalar[]);
    else out += vtqlLiteral(value as VtqlScalar);
    const next = strings[i + 1] ?? "";
    quotes += countQuotes(next);
    out += next;
  });
  return out;
}

function countQuotes(s: string): number {
  return s.split("'").length - 1;
}

/** Splits values into batches (default 100 = vtiger's maximum rows per query) for `IN` lookups. */
export function chunk<T>(values: readonly T[], size = 100): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new VtigerUsageError("chunk size must be a positive integer");
  const batches: T[][] = [];
  for (let i = 0; i < values.length; i += size) batches.push(values.slice(i, i + size));
  return batches;
}
