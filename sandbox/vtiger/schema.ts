/**
 * Module metadata as the current knobs shape it: fixture describes with the admin's Layout Editor
 * mandatory flags and picklist edits applied. Per-user views (permissions) are built in describe-op.ts.
 */
import { moduleKind } from "./entities.ts";
import { loadFixtures, type DescribeField, type Fixtures, type ModuleDescribe } from "./fixtures.ts";
import type { VtigerSandboxKnobs } from "./knobs.ts";
import { USERS_DESCRIBE } from "./users-describe.ts";

const LEAD_SOURCE_MODULES = new Set(["Leads", "Contacts", "Potentials"]);

/** A module's fields as the knobs shape them, and what the knobs held when they were computed. */
interface Shaped {
  knobs: VtigerSandboxKnobs;
  signature: string;
  fields: DescribeField[];
  columns: DescribeField[];
  mandatory: string[];
  unique: string[];
}

export class Schema {
  readonly fixtures: Fixtures = loadFixtures();
  /** Every create reads a module's fields several times: they are recomputed only when the knobs change. */
  private readonly shapedModules = new Map<string, Shaped>();

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

  /** All describe fields in vtiger's order, with knob overrides applied. Shared: do not mutate. */
  fields(module: string): DescribeField[] {
    return this.shaped(module).fields;
  }

  /**
   * Fields backed by table columns. Product and inventory describes append synthetic fields after `id`
   * (taxes, prices per currency, shipping charges) that are not stored as record fields. Shared: do not mutate.
   */
  columnFields(module: string): DescribeField[] {
    return this.shaped(module).columns;
  }

  field(module: string, name: string): DescribeField | undefined {
    return this.columnFields(module).find((f) => f.name === name);
  }

  mandatoryFields(module: string): string[] {
    return this.shaped(module).mandatory;
  }

  uniqueFields(module: string): string[] {
    return this.shaped(module).unique;
  }

  /** The module's fields for the current knobs, from the cache while the knobs it depends on are unchanged. */
  private shaped(module: string): Shaped {
    const knobs = this.knobs();
    // The knobs are changed in place (configure) or replaced (reset): compare what they hold for this module.
    const signature = JSON.stringify([knobs.mandatory[module], knobs.picklists[module], knobs.leadSourceHasPrestashop]);
    const cached = this.shapedModules.get(module);
    if (cached && cached.knobs === knobs && cached.signature === signature) return cached;
    const fields = this.base(module).fields.map((field) => this.applyOverrides(module, field));
    const kind = moduleKind(module);
    const columns =
      kind === "product" || kind === "inventory" ? fields.slice(0, fields.findIndex((f) => f.name === "id") + 1) : fields;
    const shaped: Shaped = {
      knobs,
      signature,
      fields,
      columns,
      mandatory: columns.filter((f) => f.mandatory === true).map((f) => f.name),
      unique: columns.filter((f) => f.isunique === true).map((f) => f.name),
    };
    this.shapedModules.set(module, shaped);
    return shaped;
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
