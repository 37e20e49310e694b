export const EXPORT_KINDS = ["products", "customers"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_STATUSES = ["running", "completed", "cancelled", "failed"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

import type { ShopEntityType } from "@/lib/sync/context";
import type { CrmModule } from "@/lib/sync/filled-fields";

/** The shop entity whose CRM records the link table keeps, per export kind. */
export const ENTITY_TYPE: Record<ExportKind, ShopEntityType> = { products: "product", customers: "customer" };

/** A CRM record a shop record became or was found to be: for the link table. */
export interface CrmLink {
  module: CrmModule;
  crmId: string;
}

export type RecordDone = { outcome: "created" | "skipped"; links: CrmLink[] };

/** What one record of an export came to; a failed one carries the reason shown in the failure list. */
export type RecordOutcome = ({ shopId: number } & RecordDone) | { shopId: number; outcome: "failed"; reason: string };
