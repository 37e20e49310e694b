/**
 * Minimal structured logger (JSON lines on stderr). Secrets never reach it: values named like
 * secrets are masked, and errors are reduced to name/message/code.
 */
type Level = "info" | "warn" | "error";
const SECRET_KEY = /(accesskey|access_key|password|secret|token|sessionname|key)$/i;

function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code, stack: value.stack };
  }
  if (value && typeof value === "object" && depth < 4) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[redacted]" : clean(v, depth + 1)]),
    );
  }
  return value;
}

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

function write(level: Level, fields: Record<string, unknown>, msg: string) {
  const min = (process.env.LOG_LEVEL as Level | undefined) ?? "info";
  if (RANK[level] < (RANK[min] ?? 0)) return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...(clean(fields) as object) })}\n`);
}

export const logger = {
  info: (fields: Record<string, unknown>, msg: string) => write("info", fields, msg),
  warn: (fields: Record<string, unknown>, msg: string) => write("warn", fields, msg),
  error: (fields: Record<string, unknown>, msg: string) => write("error", fields, msg),
};
