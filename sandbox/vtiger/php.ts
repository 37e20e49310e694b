/**
 * PHP/MySQL semantics that leak into vtiger's wire format. Reproducing them keeps the sandbox honest:
 * values come back the way vtiger's DB columns and PHP casts shape them.
 */
import { createHash, randomBytes } from "node:crypto";

/** `(string)$value` for a JSON-decoded PHP value. */
export function phpString(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (value === true) return "1";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "Array";
}

const NUMERIC_PREFIX = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** `(float)$value`: the leading numeric part of a string, else 0 ("19,99" → 19, "abc" → 0). */
export function phpFloat(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return 0;
  const match = NUMERIC_PREFIX.exec(value);
  return match ? Number.parseFloat(match[0]) : 0;
}

/** PHP `empty()`: "", "0", 0, null, false and empty arrays. */
export function phpEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return value === undefined || value === null || value === false || value === "" || value === "0" || value === 0;
}

/** PHP `round()`: half away from zero, decimal-exact for values like 1.005. */
function phpRound(value: number, decimals: number): number {
  const magnitude = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  const rounded = Number(`${magnitude}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

/** How MySQL renders a DECIMAL(n, decimals) column. */
export function decimalText(value: number, decimals: number): string {
  return phpRound(value, decimals).toFixed(decimals);
}

/** MySQL DATETIME text in UTC (vtiger 8.2's `$default_timezone`). */
export function dbDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

let lastUniqid = 0;
/** PHP `uniqid()`: 13 hex digits from the microsecond clock, strictly increasing. */
export function uniqid(nowMs: number): string {
  const micros = Math.max(Math.floor(nowMs * 1000), lastUniqid + 1);
  lastUniqid = micros;
  const seconds = Math.floor(micros / 1_000_000);
  return seconds.toString(16).padStart(8, "0") + (micros % 1_000_000).toString(16).padStart(5, "0");
}

/** A PHP session id (HTTP_Session2 uses hex ids of this length). */
export function sessionId(): string {
  return randomBytes(11).toString("hex").slice(0, 21);
}

/** `json_encode` with default flags: escapes "/" and every non-ASCII character as \uXXXX. */
export function phpJsonEncode(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff/]/g, (ch) =>
    ch === "/" ? "\\/" : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** PHP `json_decode($text, true)`: invalid JSON becomes null. */
export function phpJsonDecode(text: string | undefined): unknown {
  if (text === undefined || text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A JSON-decoded value used as a PHP associative array (`$element['x']`); anything else reads as empty. */
export function asPhpArray(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** Folded non-ASCII texts: decomposing is slow, and a query folds its literals more than once. */
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_KEPT = 10_000;

/** MySQL utf8_general_ci folding: case- and accent-insensitive ("Müller" ~ "muller"). */
export function foldCase(text: string): string {
  // Plain ASCII (most e-mails, codes, ids) needs no Unicode decomposition.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    if (foldedTexts.size >= FOLDED_TEXTS_KEPT) foldedTexts.clear();
    folded = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    foldedTexts.set(text, folded);
  }
  return folded;
}

/**
 * Equality/ordering key under that collation, which also ignores trailing spaces (PAD SPACE).
 * vtiger's VTQL comparisons and duplicate checks go through it.
 */
export function collationKey(text: string): string {
  return foldCase(text).replace(/ +$/, "");
}
