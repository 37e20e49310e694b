/** Public API of the vtiger webservice client. */
export { VtigerClient, type VtigerClientOptions } from "./client";
export {
  describeVtigerError,
  isSessionError,
  RESTRICTED_FILE_TEXT,
  VtigerApiError,
  VtigerConfigError,
  VtigerError,
  VtigerHttpError,
  VtigerNetworkError,
  VtigerProtocolError,
  VtigerTimeoutError,
  VtigerUrlError,
  VtigerUsageError,
  type ProtocolProblem,
  type VtigerErrorHelp,
} from "./errors";
export { ModuleDescription, type ModulePermissions } from "./module-description";
export {
  recordLineItems,
  recordText,
  type FieldDescription,
  type ListTypesResult,
  type LoginInfo,
  type VtigerElement,
  type VtigerRecord,
  type VtigerRow,
} from "./schemas";
export { normaliseVtigerUrl, webserviceEndpoint } from "./url";
export { chunk, ident, vtql, vtqlLiteral, VtqlIdentifiers, type VtqlScalar, type VtqlValue } from "./vtql";
