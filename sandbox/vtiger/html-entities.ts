/**
 * vtiger stores record labels through `htmlentities()` ("J&ouml;rg M&uuml;ller" in lead_created.json) and
 * passes every output value through `html_entity_decode()`. This covers Latin-1, the euro sign and common
 * typography; other characters pass through unchanged.
 */

const LATIN1_NAMES = (
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 " +
  "acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml " +
  "Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde " +
  "Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig " +
  "ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide " +
  "oslash ugrave uacute ucirc uuml yacute thorn yuml"
).split(" ");

const NAME_BY_CHAR = new Map<string, string>([
  ["&", "amp"],
  ['"', "quot"],
  ["<", "lt"],
  [">", "gt"],
  ["\u20ac", "euro"],
  ["\u2013", "ndash"],
  ["\u2014", "mdash"],
  ["\u2018", "lsquo"],
  ["\u2019", "rsquo"],
  ["\u201c", "ldquo"],
  ["\u201d", "rdquo"],
  ["\u2022", "bull"],
  ["\u2026", "hellip"],
  ["\u2122", "trade"],
  ...LATIN1_NAMES.map((name, i): [string, string] => [String.fromCharCode(160 + i), name]),
]);

const CHAR_BY_NAME = new Map<string, string>([...NAME_BY_CHAR].map(([ch, name]) => [name, ch]));
CHAR_BY_NAME.set("apos", "'");

/** `htmlentities($text, ENT_QUOTES, 'UTF-8')`. */
export function htmlEntities(text: string): string {
  return text.replace(/[\s\S]/g, (ch) => {
    if (ch === "'") return "&#039;";
    const name = NAME_BY_CHAR.get(ch);
    return name ? `&${name};` : ch;
  });
}

/** `html_entity_decode($text, ENT_QUOTES, 'UTF-8')`. */
export function htmlEntityDecode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (entity, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return CHAR_BY_NAME.get(body) ?? entity;
  });
}
