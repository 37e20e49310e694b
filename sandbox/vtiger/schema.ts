/**
 * Module metadata as the current knobs shape it: fixture describes with the admin's Layout Editor
 * mandatory flags and picklist edits applied. Per-user views (permissions) are built in describe-op.ts.
 */
import { moduleKind } from "./entities.ts";
import { loadFixtures, type DescribeField, type Fixtures, type ModuleDescribe } from "./fixtures.ts";
import type { VtigerSandboxKnobs } from "./knobs.ts";
import { USERS_DESCRIBE } from "./users-describe.ts";

const LEAD_SOURCE_MODULES = new Set(["Leads", "Contacts", "Potentials"]);

export class Schema {
  readonly fixtures: Fixtures = loadFixtures();

  constructor(private readonly knobs: () => VtigerSandboxKnobs) {}

  /** Modules the sandbox can describe (fixture or hand-written Users). */
  has(module: string): boolean {
    return module === "Users" || this.fixtures.describes.has(module);
  }

  /** The describe of a fresh install; throws for modules the sandbox does not simulate. */
  base(module: string): ModuleDescribe {
    const describe = module === "Users" ? USERS_DESCRIBE : this.fixtures.describes.get(module);
    if (!describe) throw new Error(`no describe for ${module}`);
    return describe;
  }

  /** All describe fields in vtiger's order, with knob overrides applied. */
  fields(module: string): DescribeField[] {
    return this.base(module).fields.map((field) => this.applyOverrides(module, field));
  }

  /**
   * Fields backed by table columns. Product and inventory describes append synthetic fields after `id`
   * (taxes, prices per currency, shipping charges) that are not stored as record fields.
   */
  columnFields(module: string): DescribeField[] {
    const fields = this.fields(module);
    const kind = moduleKind(module);
    if (kind !== "product" && kind !== "inventory") return fields;
    return fields.slice(0, fields.findIndex((f) => f.name === "id") + 1);
  }

  field(module: string, name: string): DescribeField | undefined {
    return this.columnFields(module).find((f) => f.name === name);
  }

  mandatoryFields(module: string): string[] {
    return this.columnFields(module)
      .filter((f) => f.mandatory === true)
      .map((f) => f.name);
  }

  uniqueFields(module: string): string[] {
    return this.columnFields(module)
      .filter((f) => f.isunique === true)
      .map((f) => f.name);
  }

  private applyOverrides(module: string, field: DescribeField): DescribeField {
    const knobs = this.knobs();
    const mandatory = knobs.mandatory[module]?.[field.name];
    const values = this.picklistValues(module, field);
    if (mandatory === undefined && !values) return field;
    const overridden: DescribeField = { ...field, type: { ...field.type } };
    if (mandatory !== undefined) overridden.mandatory = mandatory;
    if (values) {
      overridden.type.picklistValues = values.map((value) => ({ label: value, value }));
      // vtiger's describe reports the first value as default, whatever the admin configured.
      overridden.type.defaultValue = values[0] ?? null;
    }
    return overridden;
  }

  private picklistValues(module: string, field: DescribeField): string[] | undefined {
    const knobs = this.knobs();
    const explicit = knobs.picklists[module]?.[field.name];
    if (explicit) return explicit;
    if (field.name === "leadsource" && LEAD_SOURCE_MODULES.has(module) && knobs.leadSourceHasPrestashop) {
      return [...(field.type.picklistValues ?? []).map((v) => v.value), "Prestashop"];
    }
    return undefined;
  }
}
