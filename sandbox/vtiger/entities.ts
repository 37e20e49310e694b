/**
 * vtiger_ws_entity of a fresh 8.2 install (reference §6): every module name the webservice knows and its
 * id prefix, plus how the sandbox simulates the ones it stores.
 */

const WS_ENTITY_IDS: Readonly<Record<string, number>> = {
  Campaigns: 1, Vendors: 2, Faq: 3, Quotes: 4, PurchaseOrder: 5, SalesOrder: 6, Invoice: 7, PriceBooks: 8,
  Calendar: 9, Leads: 10, Accounts: 11, Contacts: 12, Potentials: 13, Products: 14, Documents: 15, Emails: 16,
  HelpDesk: 17, Events: 18, Users: 19, Groups: 20, Currency: 21, DocumentFolders: 22, CompanyDetails: 23,
  PBXManager: 24, ServiceContracts: 25, Services: 26, ProjectMilestone: 27, ProjectTask: 28, Project: 29,
  ModComments: 30, SMSNotifier: 31, Assets: 32, LineItem: 33, Tax: 34, ProductTaxes: 35,
};

const NAME_BY_ID = new Map(Object.entries(WS_ENTITY_IDS).map(([name, id]) => [String(id), name]));

/**
 * - entity: CRM records with a crmid from the global sequence
 * - product / inventory: entity modules with extra webservice handlers (taxes+prices / line items+totals)
 * - users: the Users module (entity in listtypes, own table)
 * - actor: non-entity tables (Currency, Groups, Tax, LineItem) with their own keys; writes are admin-only
 */
export type ModuleKind = "entity" | "product" | "inventory" | "users" | "actor";

interface SimulatedModule {
  kind: ModuleKind;
  /** uitype-4 field and prefix of the module's record numbering (Settings → Module Numbering defaults). */
  autoNumber?: { field: string; prefix: string };
}

const SIMULATED: Readonly<Record<string, SimulatedModule>> = {
  Leads: { kind: "entity", autoNumber: { field: "lead_no", prefix: "LEA" } },
  Accounts: { kind: "entity", autoNumber: { field: "account_no", prefix: "ACC" } },
  Contacts: { kind: "entity", autoNumber: { field: "contact_no", prefix: "CON" } },
  Potentials: { kind: "entity", autoNumber: { field: "potential_no", prefix: "POT" } },
  Products: { kind: "product", autoNumber: { field: "product_no", prefix: "PRO" } },
  Services: { kind: "product", autoNumber: { field: "service_no", prefix: "SER" } },
  Quotes: { kind: "inventory", autoNumber: { field: "quote_no", prefix: "QUO" } },
  SalesOrder: { kind: "inventory", autoNumber: { field: "salesorder_no", prefix: "SO" } },
  Invoice: { kind: "inventory", autoNumber: { field: "invoice_no", prefix: "INV" } },
  PurchaseOrder: { kind: "inventory", autoNumber: { field: "purchaseorder_no", prefix: "PO" } },
  Users: { kind: "users" },
  Currency: { kind: "actor" },
  Groups: { kind: "actor" },
  Tax: { kind: "actor" },
  LineItem: { kind: "actor" },
};

function wsEntityId(module: string): number | undefined {
  return WS_ENTITY_IDS[module];
}

/** VtigerWebserviceObject::fromId — the module owning an id prefix. */
export function moduleByPrefix(prefix: string): string | undefined {
  return NAME_BY_ID.get(prefix);
}

/** fromName is case-sensitive in practice ("leads" is unknown). */
export function isKnownModule(name: string): boolean {
  return Object.hasOwn(WS_ENTITY_IDS, name);
}

export function simulatedModule(name: string): SimulatedModule | undefined {
  return Object.hasOwn(SIMULATED, name) ? SIMULATED[name] : undefined;
}

export function moduleKind(name: string): ModuleKind | undefined {
  return simulatedModule(name)?.kind;
}

export function simulatedModules(): string[] {
  return Object.keys(SIMULATED);
}

/** Modules whose records live in the crmentity table (one global crmid sequence). */
export function isCrmEntity(name: string): boolean {
  const kind = moduleKind(name);
  return kind === "entity" || kind === "product" || kind === "inventory";
}

export function wsId(module: string, id: number | string): string {
  return `${wsEntityId(module) ?? ""}x${id}`;
}

/** vtws_getIdComponents: a plain split on the letter x. */
export function splitWsId(value: string): { prefix: string; id: string } {
  const [prefix = "", id = ""] = value.split("x");
  return { prefix, id };
}
