import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/actions/result";
import { logger } from "@/lib/log";
import { crmCredentials, ensureConnection, saveCrmCredentials } from "./connection";
import { probeCrm } from "./crm-probe";
import type { ProbeResult } from "./crm-snapshot";

async function storeProbe(connectionId: number, result: ProbeResult): Promise<ProbeResult> {
  await prisma.connection.update({
    where: { id: connectionId },
    data: { crmLastTestJson: JSON.stringify(result), crmLastTestAt: new Date(result.testedAt), crmLastTestOk: result.ok },
  });
  logger.info({ connectionId, ok: result.ok, failed: result.steps.find((s) => s.status === "error")?.id }, "CRM connection tested");
  return result;
}

/** Saves what the admin typed (even if the test then fails: nothing typed is lost) and tests it. */
export async function saveAndTestCrm(input: { url: string; username: string; accessKey?: string }): Promise<ProbeResult> {
  const connection = await ensureConnection();
  const saved = await saveCrmCredentials(connection.id, input);
  const creds = crmCredentials(saved);
  if (!creds) {
    throw new UserFacingError("Enter the access key: none is stored yet.", { accessKey: "Enter the access key (vtiger: My Preferences → User Advanced Options → Access Key)." });
  }
  return storeProbe(connection.id, await probeCrm(creds));
}

/** "Test again" with the stored settings. */
export async function retestCrm(): Promise<ProbeResult> {
  const connection = await ensureConnection();
  const creds = crmCredentials(connection);
  if (!creds) throw new UserFacingError("Fill in the CRM URL, user name and access key on the Connection tab first.");
  return storeProbe(connection.id, await probeCrm(creds));
}
