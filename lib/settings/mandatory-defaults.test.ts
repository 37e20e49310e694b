import { describe, expect, it } from "vitest";
import { CRM_MODULES } from "@/lib/sync/filled-fields";
import type { CrmSnapshot, ModuleProbe } from "./crm-snapshot";
import { mandatoryDefaultRows, modulesWithInvalidDefaults } from "./mandatory-defaults";

const visible = (mandatory: ModuleProbe["mandatory"]): ModuleProbe => ({
  visible: true,
  permissions: { create: true, update: true, delete: true, retrieve: true },
  mandatory,
});

function snapshot(): CrmSnapshot {
  const modules = Object.fromEntries(CRM_MODULES.map((m) => [m, visible([{ name: "assigned_user_id", label: "Assigned To", type: "owner" }])])) as CrmSnapshot["modules"];
  modules.Potentials = visible([
    { name: "potentialname", label: "Name", type: "string" },
    { name: "sales_stage", label: "Sales Stage", type: "picklist", picklistValues: ["Prospecting", "Closed Won"] },
  ]);
  modules.SalesOrder = visible([
    { name: "subject", label: "Subject", type: "string" },
    { name: "account_id", label: "Organization Name", type: "reference", refersTo: ["Accounts"] },
  ]);
  modules.Leads = visible([{ name: "designation", label: "Title", type: "string" }]);
  return { vtigerVersion: "8.2.0", userId: "19x1", userName: "admin", isAdmin: true, currencyDecimals: 2, leadSourceHasPrestashop: false, modules, idPrefixes: { Accounts: "11" } };
}

describe("mandatoryDefaultRows", () => {
  it("lists only the mandatory fields the connector does not fill, with proposed defaults", () => {
    const rows = mandatoryDefaultRows(snapshot(), [], { createAccount: true, createPotential: false });
    expect(rows.map((r) => `${r.module}.${r.field.name}`)).toEqual(["Leads.designation", "Potentials.sales_stage", "SalesOrder.account_id"]);
    expect(rows[0]).toMatchObject({ value: "--None--", needed: true, problem: null });
    expect(rows[1]).toMatchObject({ value: "Prospecting", needed: true, problem: null });
    expect(rows[2]).toMatchObject({ filledWhen: "account", needed: false });
  });
  it("needs a reference default for the SalesOrder's Organization when no Account is created", () => {
    const rows = mandatoryDefaultRows(snapshot(), [], { createAccount: false, createPotential: false });
    expect(modulesWithInvalidDefaults(rows)).toEqual(new Map([["SalesOrder", ["Organization Name"]]]));
    const withDefault = mandatoryDefaultRows(snapshot(), [{ module: "SalesOrder", field: "account_id", value: "11x7", label: "ACME" }], { createAccount: false, createPotential: false });
    expect(modulesWithInvalidDefaults(withDefault).size).toBe(0);
  });
  it("uses a stored default over the proposed one and flags it when the CRM no longer offers it", () => {
    const rows = mandatoryDefaultRows(snapshot(), [{ module: "Potentials", field: "sales_stage", value: "Gone", label: null }], { createAccount: true, createPotential: true });
    expect(modulesWithInvalidDefaults(rows).get("Potentials")).toEqual(["Sales Stage"]);
  });
});
