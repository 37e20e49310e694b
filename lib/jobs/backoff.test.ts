import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";
import { classifySyncError, PermanentSyncError } from "@/lib/sync/errors";
import { VtigerApiError, VtigerHttpError, VtigerTimeoutError } from "@/lib/vtiger/errors";

describe("retry policy", () => {
  const policy = { baseMs: 100, maxMs: 1_000, maxAttempts: 5 };
  it("doubles per attempt with jitter in the upper half, capped", () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(50);
    expect(retryDelayMs(1, policy, () => 1)).toBe(100);
    expect(retryDelayMs(3, policy, () => 1)).toBe(400);
    expect(retryDelayMs(10, policy, () => 1)).toBe(1_000);
    expect(retryDelayMs(10, policy, () => 0)).toBe(500);
  });
});

describe("error classes", () => {
  it("retries what time can fix, keeps the rest failed with a fix", () => {
    expect(classifySyncError(new VtigerTimeoutError("query", 1000)).kind).toBe("transient");
    expect(classifySyncError(new VtigerHttpError({ status: 500, operation: "create", excerpt: "" })).kind).toBe("transient");
    expect(classifySyncError(new VtigerApiError({ rawCode: "SESSION_EXPIRED", vtigerMessage: "x", operation: "query" })).kind).toBe("transient");
    const denied = classifySyncError(new VtigerApiError({ rawCode: "ACCESS_DENIED", vtigerMessage: "Permission to perform the operation is denied", operation: "create", module: "Leads" }));
    expect(denied).toMatchObject({ kind: "permanent", fix: expect.stringMatching(/Profiles/) });
    expect(classifySyncError(new PermanentSyncError("USD is not linked", "Link USD on the Configuration tab."))).toEqual({ kind: "permanent", message: "USD is not linked", fix: "Link USD on the Configuration tab." });
    expect(classifySyncError(new TypeError("boom")).kind).toBe("permanent");
  });
});
