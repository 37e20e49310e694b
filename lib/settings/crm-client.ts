import { VtigerClient } from "@/lib/vtiger/client";
import { UserFacingError } from "@/lib/actions/result";
import { crmCredentials, type ConnectionRow } from "./connection";

/** A client for the connection's CRM; sessions are pooled per (URL, user) by the client itself. */
export function crmClientFor(connection: ConnectionRow): VtigerClient {
  const creds = crmCredentials(connection);
  if (!creds) throw new UserFacingError("Connect the CRM on the Connection tab first (URL, user name and access key).");
  return new VtigerClient(creds);
}
