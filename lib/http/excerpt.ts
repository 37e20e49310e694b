/** Masks every secret (of 4+ characters) in a text before it can reach a message or a log. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

/**
 * The start of an unexpected answer (an HTML error page, a PHP notice) as plain text for an error
 * message: tags and scripts removed, whitespace collapsed, secrets masked.
 */
export function plainExcerpt(body: string, secrets: readonly string[], maxLength: number): string {
  const plain = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const masked = redact(plain, secrets);
  return masked.length > maxLength ? `${masked.slice(0, maxLength)}…` : masked;
}
