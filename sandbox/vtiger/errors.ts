/**
 * The ways a vtiger 8.2 webservice call fails, as seen on the wire.
 * Codes and messages are copied from vtiger's PHP sources (typos included: clients match on them).
 */

/** A handled failure: HTTP 200, `{"success":false,"error":{"code","message"}}`. */
export class WsError extends Error {
  constructor(
    readonly code: string | number,
    message: string,
  ) {
    super(message);
  }
}

/** A failure vtiger answers outside its JSON envelope (PHP fatal error, HTML page). */
export class RawFailure extends Error {
  constructor(
    readonly status: number,
    readonly contentType: string | null,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
  }
}

/** PHP fatal error before/after the handler: HTTP 500 with an empty body. */
export const phpCrash = (): RawFailure => new RawFailure(500, null, "");

/** vtiger's include guard for a missing user privileges file (e.g. owner 19x99). */
export const restrictedFile = (): RawFailure =>
  new RawFailure(200, "text/html; charset=UTF-8", "Sorry! Attempt to access restricted file.");

export const DENIED = "Permission to perform the operation is denied";

export const accessDenied = (message: string = DENIED): WsError => new WsError("ACCESS_DENIED", message);

export const mandatoryMissing = (field: string): WsError =>
  new WsError("MANDATORY_FIELDS_MISSING", `${field} does not have a value`);

export const invalidId = (): WsError => new WsError("INVALID_ID_ATTRIBUTE", "Id specified is incorrect");

/** Duplicate prevention (CheckDuplicateHandler) reports through a plain PHP exception: numeric code 0. */
export const duplicateDetected = (): WsError => new WsError(0, "Duplicate(s) detected!");

export const unknownError = (): WsError =>
  new WsError("INTERNAL_SERVER_ERROR", "Unknown Error while processing request");
