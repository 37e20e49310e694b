/**
 * A parsed `describe` answer (reference §8) with the questions the connector asks of it. Admins
 * change mandatory flags, picklists and unique fields in vtiger, and id prefixes differ between
 * installs, so these are always read at runtime instead of being hard-coded.
 */
import type { DescribeResult, FieldDescription } from "./schemas";

export interface ModulePermissions {
  create: boolean;
  update: boolean;
  delete: boolean;
  retrieve: boolean;
}

export class ModuleDescription {
  /** Internal module name, e.g. "Accounts" (UI: Organizations). */
  readonly name: string;
  readonly label: string;
  /** Webservice id prefix: records of this module have ids `${idPrefix}x<n>`. */
  readonly idPrefix: string;
  /** false for actor entities (Currency, Groups, Tax, LineItem …). */
  readonly isEntity: boolean;
  readonly fields: readonly FieldDescription[];
  readonly permissions: ModulePermissions;
  /** Fields making up the record label, e.g. ["firstname", "lastname"]. */
  readonly labelFields: readonly string[];
  readonly raw: DescribeResult;
  private readonly byName: ReadonlyMap<string, FieldDescription>;

  constructor(raw: DescribeResult) {
    this.raw = raw;
    this.name = raw.name;
    this.label = raw.label ?? raw.name;
    this.idPrefix = raw.idPrefix;
    this.isEntity = raw.isEntity ?? true;
    this.fields = raw.fields;
    this.byName = new Map(raw.fields.map((f) => [f.name, f]));
    this.permissions = {
      create: raw.createable,
      update: raw.updateable,
      delete: raw.deleteable,
      retrieve: raw.retrieveable,
    };
    this.labelFields = (raw.labelFields ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }

  field(name: string): FieldDescription | undefined {
    return this.byName.get(name);
  }

  /** Fields create must fill with a non-empty value (the id is generated, never mandatory). */
  get mandatoryFields(): FieldDescription[] {
    return this.fields.filter((f) => f.mandatory && f.name !== "id");
  }

  /** Fields under duplicate prevention (7.1+ `isunique`; the module-level allowDuplicates is buggy, §5). */
  get uniqueFields(): FieldDescription[] {
    return this.fields.filter((f) => f.isunique === true);
  }

  /**
   * Allowed values of a picklist/multipicklist field; undefined if the field is missing or not a
   * picklist. vtiger accepts any value on write (§10.1), so callers validate against this list.
   */
  picklistValues(field: string): string[] | undefined {
    const f = this.byName.get(field);
    if (!f || (f.type.name !== "picklist" && f.type.name !== "multipicklist")) return undefined;
    return (f.type.picklistValues ?? []).map((p) => p.value);
  }

  /** True if `id` is a webservice id of this module. */
  ownsId(id: string): boolean {
    return id.startsWith(`${this.idPrefix}x`) && /^\d+x\d+$/.test(id);
  }
}
