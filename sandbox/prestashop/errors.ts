/**
 * The webservice's errors: codes, statuses and messages copied from WebserviceRequest (8.1.2), typos
 * included ("Authentification", "does not exists") because clients match on them.
 */
export interface WsErrorEntry {
  code: number;
  message: string;
}

/**
 * A failed request. PHP collects errors with setError(); the reply lists them all and takes the status
 * of the last one.
 */
export class WsFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: WsErrorEntry[],
    /** Authentication failures also send the Basic realm challenge. */
    readonly challenge = false,
  ) {
    super(errors.map((e) => `#${e.code} ${e.message}`).join("; "));
  }

  /** The same failure followed by more errors (the status becomes theirs). */
  followedBy(status: number, errors: WsErrorEntry[]): WsFailure {
    return new WsFailure(status, [...this.errors, ...errors], this.challenge);
  }
}

const fail = (status: number, code: number, message: string) => new WsFailure(status, [{ code, message }]);

export const REALM =
  'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."';

/** PHP levenshtein(); the last of several equally close words wins, as in getClosest(). */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closest(input: string, words: readonly string[]): string {
  let shortest = -1;
  let best = "";
  for (const word of words) {
    const distance = levenshtein(input, word);
    if (distance === 0) return word;
    if (distance <= shortest || shortest < 0) {
      best = word;
      shortest = distance;
    }
  }
  return best;
}

/** setErrorDidYouMean(). */
function didYouMean(status: number, code: number, label: string, value: string, available: readonly string[]): WsFailure {
  const list = available.length > 1 ? ` The full list is: "${available.join('", "')}"` : "";
  return fail(status, code, `${label}. Did you mean: "${closest(value, available)}"?${list}`);
}

const auth = (code: number, message: string) => new WsFailure(401, [{ code, message }], true);

export const errors = {
  keyEmpty: () => auth(17, "Authentication key is empty"),
  keyFormat: () => auth(18, "Invalid authentication key format"),
  keyInactive: () =>
    new WsFailure(
      401,
      [
        { code: 20, message: "Authentification key is not active" },
        { code: 21, message: "No permission for this authentication key" },
      ],
      true,
    ),
  keyWithoutPermissions: () => auth(21, "No permission for this authentication key"),
  disabled: () =>
    fail(503, 22, "The PrestaShop webservice is disabled. Please activate it in the PrestaShop Back Office"),
  shopGroupEmpty: () => fail(500, 999, "This shop group doesn't have shops"),
  shopUnknown: () => fail(404, 999, "This shop id does not exist"),
  shopNotAllowed: () => fail(403, 132, "No permission for this key on this shop"),
  methodInvalid: (method: string) => fail(405, 23, `Method ${method} is not valid`),
  methodNotAllowed: (method: string, resource: string) =>
    fail(405, 25, `Method ${method} is not allowed for the resource ${resource} with this authentication key`),
  resourceNotAllowed: (resource: string) =>
    fail(401, 26, `Resource of type "${resource}" is not allowed with this authentication key`),
  resourceUnknown: (resource: string, available: readonly string[]) =>
    didYouMean(400, 27, `Resource of type "${resource}" does not exists`, resource, available),
  noLinkedTable: () => fail(400, 31, "There is no existing linked table for this resource"),
  filterUnknown: (field: string, available: readonly string[]) =>
    didYouMean(400, 32, "This filter does not exist", field, available),
  filterMalformed: (field: string) => fail(400, 33, `The filter "${field}" is malformed.`),
  filterDynamic: (field: string) =>
    fail(400, 34, `The field "${field}" is dynamic. It is not possible to filter GET query with this field.`),
  displayField: (field: string, details: string, available: readonly string[]) =>
    fail(400, 35, `Unable to display this field "${field}${details}". However, these are available: ${available.join(", ")}`),
  displaySyntax: (available: readonly string[]) =>
    fail(
      400,
      36,
      `The 'display' syntax is wrong. You can set 'full' or '[field_1,field_2,field_3,...]'. These are available: ${available.join(", ")}`,
    ),
  sortSyntax: () =>
    fail(
      400,
      37,
      `The "sort" value has to be formed as this example: "field_ASC" or '[field_1_DESC,field_2_ASC,field_3_ASC,...]' ("field" has to be an available field)`,
    ),
  sortField: (available: readonly string[], i18n: readonly string[]) =>
    fail(400, 38, `Unable to filter by this field. However, these are available: ${available.join(", ")}, for i18n fields:${i18n.join(", ")}`),
  limit: () => fail(400, 39, `The "limit" value has to be formed as this example: "5,25" or "10"`),
  languageRange: () => fail(400, 78, "A range value for a language must contains only 2 values"),
  languageValue: () => fail(400, 79, "language value is wrong"),
  languageNotNumeric: () => fail(400, 80, "Language ID must be numeric"),
  languageUnavailable: () => fail(400, 81, "language is not available"),
};

/**
 * A PHP fatal error or an uncaught database exception: with display_errors off the client sees a bare
 * HTTP 500 with an empty body (e.g. the 8.x JSON root listing, an SQL error on a column the table lacks).
 */
export class PhpCrash extends Error {}
