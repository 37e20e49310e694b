/**
 * PHP's `$_GET`: how parse_str turns a query string into nested arrays. The webservice reads
 * `filter[field]=value`, `price[alias][option]=value`, and checks `array_key_exists('display', $_GET)`.
 */
export type PhpParam = string | PhpParams;
export interface PhpParams {
  [key: string]: PhpParam;
}

/** urldecode(): "+" is a space, %XX a byte, and a malformed "%" stays as it is. */
export function urldecode(text: string): string {
  const bytes: number[] = [];
  const plain = text.replace(/\+/g, " ");
  for (let i = 0; i < plain.length; i++) {
    const hex = plain.slice(i + 1, i + 3);
    if (plain[i] === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(plain[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function assign(target: PhpParams, path: string[], value: string): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] === "" ? String(Object.keys(node).length) : (path[i] ?? "");
    const next = node[segment];
    if (typeof next === "object") node = next;
    else {
      const created: PhpParams = {};
      node[segment] = created;
      node = created;
    }
  }
  const last = path[path.length - 1] ?? "";
  node[last === "" ? String(Object.keys(node).length) : last] = value;
}

export function parsePhpQuery(query: string): PhpParams {
  const params: PhpParams = {};
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const equals = pair.indexOf("=");
    const rawKey = urldecode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? "" : urldecode(pair.slice(equals + 1));
    const bracket = rawKey.indexOf("[");
    // PHP turns spaces and dots of the base name into underscores.
    const base = (bracket < 0 ? rawKey : rawKey.slice(0, bracket)).replace(/^ +/, "").replace(/[ .]/g, "_");
    if (base === "") continue;
    const path = [base];
    const rest = bracket < 0 ? "" : rawKey.slice(bracket);
    const segments = /^((?:\[[^\]]*\])+)/.exec(rest)?.[1];
    if (segments) for (const match of segments.matchAll(/\[([^\]]*)\]/g)) path.push(match[1] ?? "");
    assign(params, path, value);
  }
  return params;
}
