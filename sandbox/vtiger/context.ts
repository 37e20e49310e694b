/** Everything an authenticated webservice operation works with. */
import type { VtigerSandboxKnobs } from "./knobs.ts";
import { accessibleTypes, modulePermission } from "./permissions.ts";
import type { RecordView } from "./record-view.ts";
import type { Schema } from "./schema.ts";
import type { Store } from "./store.ts";
import type { WsUser } from "./users.ts";

export interface OpContext {
  store: Store;
  schema: Schema;
  view: RecordView;
  knobs: VtigerSandboxKnobs;
  user: WsUser;
  now: Date;
}

/** vtws_listtypes(null, $user)['types']. */
export function typesOf(ctx: OpContext): string[] {
  return accessibleTypes(ctx.schema.fixtures, ctx.knobs, ctx.user);
}

export function permissionOf(ctx: OpContext, module: string) {
  return modulePermission(ctx.knobs, ctx.user, module);
}
