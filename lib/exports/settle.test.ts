import { describe, expect, it } from "vitest";
import { PermanentSyncError } from "@/lib/sync/errors";
import { VtigerApiError } from "@/lib/vtiger/errors";
import { failureReason } from "./settle";

describe("failureReason", () => {
  it("names the fix, worded for retrying failed records rather than replaying events", () => {
    const denied = new VtigerApiError({ rawCode: "ACCESS_DENIED", vtigerMessage: "Permission to write is denied", operation: "create", module: "Leads" });
    expect(failureReason(denied)).toMatch(/ACCESS_DENIED.*→ Give the CRM user's profile the missing rights \(vtiger: Settings → Profiles\), then retry the failed records\.$/);
    expect(failureReason(new PermanentSyncError("Customer 4 has no e-mail address", "Give the customer an e-mail address in the shop, then replay the event."))).toBe(
      "Customer 4 has no e-mail address → Give the customer an e-mail address in the shop, then retry the failed records.",
    );
  });

  it("keeps reasons short enough for the failure list", () => {
    expect(failureReason(new Error("x".repeat(5_000))).length).toBeLessThanOrEqual(1_000);
  });
});
