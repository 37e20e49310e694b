import { describe, expect, it } from "vitest";
import type { CrmSnapshot, ModuleProbe } from "@/lib/settings/crm-snapshot";
import { PermanentSyncError } from "../errors";
import { CRM_MODULES } from "../filled-fields";
import { withDefaults } from "./defaults";

const visible = (mandatory: ModuleProbe["mandatory"]): ModuleProbe => ({ visible: true, permissions: { create: true, update: true, delete: true, retrieve: true }, mandatory });

function snapshot(): CrmSnapshot {
  const modules = Object.fromEntries(CRM_MODULES.map((m) => [m, visible([{ name: "assigned_user_id", label: "Assigned To", type: "owner" }])])) as CrmSnapshot["modules"];
  modules.SalesOrder = visible([
    { name: "subject", label: "Subject", type: "string" },
    { name: "sostatus", label: "Status", type: "picklist", picklistValues: ["Created", "Approved"] },
    { name: "account_id", label: "Organization Name", type: "reference", refersTo: ["Accounts"] },
    { name: "duedate", label: "Due Date", type: "date" },
    { name: "carrier", label: "Carrier", type: "picklist", picklistValues: ["FedEx", "UPS"] },
  ]);
  return { vtigerVersion: "8.2.0", userId: "19x1", userName: "admin", isAdmin: true, currencyDecimals: 2, leadSourceHasPrestashop: false, modules, idPrefixes: { Accounts: "11" } };
}

const filled = { subject: "Sales order no1", assigned_user_id: "19x1", sostatus: "Approved" };

describe("withDefaults (R10)", () => {
  it("gives empty mandatory fields the admin's default, the proposed one, or the order's date", () => {
    const settings = { snapshot: snapshot(), defaults: { SalesOrder: { account_id: "11x7", duedate: "@orderDate" } } };
    expect(withDefaults("SalesOrder", { ...filled, account_id: "" }, settings, { orderDate: "2025-03-01" })).toEqual({
      ...filled,
      account_id: "11x7",
      duedate: "2025-03-01",
      carrier: "FedEx",
    });
  });

  it("keeps what the element fills", () => {
    const settings = { snapshot: snapshot(), defaults: { SalesOrder: { account_id: "11x7", sostatus: "Created" } } };
    expect(withDefaults("SalesOrder", { ...filled, account_id: "11x3" }, settings, { orderDate: "2025-03-01" })).toMatchObject({ account_id: "11x3", sostatus: "Approved" });
  });

  it("fails for good, naming module, field and fix, when a needed field has no valid default", () => {
    const noAccount = () => withDefaults("SalesOrder", filled, { snapshot: snapshot(), defaults: {} }, { orderDate: "2025-03-01" });
    expect(noAccount).toThrow(PermanentSyncError);
    expect(noAccount).toThrow('SalesOrder: the mandatory field "Organization Name" (account_id) has no valid default value');
    const badPicklist = () =>
      withDefaults("SalesOrder", filled, { snapshot: snapshot(), defaults: { SalesOrder: { account_id: "11x7", carrier: "Pigeon" } } }, { orderDate: "2025-03-01" });
    try {
      badPicklist();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PermanentSyncError);
      expect((err as PermanentSyncError).message).toContain("Carrier");
      expect((err as PermanentSyncError).fix).toBe("Set a default for SalesOrder → Carrier on the Connection tab, then replay the event.");
    }
  });
});
