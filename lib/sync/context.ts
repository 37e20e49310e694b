import type { VtigerClient } from "@/lib/vtiger/client";
import type { PrestashopClient } from "@/lib/prestashop/client";
import type { CrmSnapshot } from "@/lib/settings/crm-snapshot";
import type { CrmModule } from "./filled-fields";
import type { StatusPair } from "./state-mapping";

/** What a rule needs to know about the configuration, loaded once per event from the database. */
export interface SyncSettings {
  /** assigned_user_id for every create: the configured owner, else the API user. */
  ownerId: string;
  createAccount: boolean;
  createPotential: boolean;
  salesOrderPrefix: string;
  potentialPrefix: string;
  /** R10: module → field → default value ("@orderDate" for the order's date). */
  defaults: Partial<Record<CrmModule, Record<string, string>>>;
  /** Shop currency id → CRM Currency id (only linked, active ones). */
  currencyLinks: ReadonlyMap<number, string>;
  /** Shop order state id → statuses ("" = leave unchanged); absent = unmapped. */
  stateMappings: ReadonlyMap<number, StatusPair>;
  /** The last "Validate and test": mandatory fields, picklists, id prefixes, vtiger version. */
  snapshot: CrmSnapshot;
}

export type ShopEntityType = "customer" | "order" | "product";

/** The link table: which CRM record a shop entity became. */
export interface LinkStore {
  get(entityType: ShopEntityType, entityId: number, crmModule: CrmModule): Promise<string | null>;
  /** Many entities at once (exports batch their look-ups). */
  getMany(entityType: ShopEntityType, entityIds: number[], crmModule: CrmModule): Promise<Map<number, string>>;
  set(entityType: ShopEntityType, entityId: number, crmModule: CrmModule, crmId: string): Promise<void>;
}

export type TouchAction = "created" | "updated" | "found" | "unchanged";

/** What the journal shows for an event: the CRM records it touched and what it noticed. */
export interface Journal {
  touched(module: CrmModule, crmId: string, action: TouchAction): void;
  note(message: string): void;
  warn(message: string): void;
}

export interface SyncContext {
  connectionId: number;
  crm: VtigerClient;
  shop: PrestashopClient;
  settings: SyncSettings;
  links: LinkStore;
  journal: Journal;
  /**
   * Runs `fn` while holding the natural key (e.g. "email:jane@x.org", "account:acme gmbh",
   * "product-code:ABC", "order:XKBKNABJK"): across workers and processes, only one creates a
   * record under one key at a time, so racing events cannot create two.
   */
  withKey<T>(key: string, fn: () => Promise<T>): Promise<T>;
}
