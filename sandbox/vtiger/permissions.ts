/**
 * What a user may do with a module: the profile permissions set through the knobs for CRM modules, and
 * vtiger's fixed rules for the others (actor tables: read for all, write for admins only).
 */
import { moduleKind } from "./entities.ts";
import type { Fixtures } from "./fixtures.ts";
import { FULL_PERMISSION, type ModulePermission, type VtigerSandboxKnobs } from "./knobs.ts";
import type { WsUser } from "./users.ts";

/** LineItem and Tax rows are written through their parents / the Settings UI, not simulated as direct writes. */
const READ_ONLY_ACTORS = new Set(["LineItem", "Tax"]);

export function modulePermission(knobs: VtigerSandboxKnobs, user: WsUser, module: string): ModulePermission {
  const kind = moduleKind(module);
  if (kind === "actor") {
    const write = user.isAdmin && !READ_ONLY_ACTORS.has(module);
    return { retrieve: true, create: write, update: write, delete: write };
  }
  if (kind === "users") {
    // Record-level rule (admin or own record) is applied by the update path.
    return { retrieve: true, create: false, update: true, delete: false };
  }
  return knobs.permissions[user.userName.toLowerCase()]?.[module] ?? FULL_PERMISSION;
}

/** vtws_listtypes: the modules this user may access, in vtiger's order. */
export function accessibleTypes(fixtures: Fixtures, knobs: VtigerSandboxKnobs, user: WsUser): string[] {
  return fixtures.types.filter((module) => modulePermission(knobs, user, module).retrieve);
}
