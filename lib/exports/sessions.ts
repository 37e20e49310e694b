import type { SyncContext } from "@/lib/sync/context";
import { customerSpec } from "./customers";
import type { ExportKind } from "./kinds";
import { productSpec } from "./products";
import { exportSession, type ExportSession, type SessionOptions } from "./session";

export function sessionFor(kind: ExportKind, ctx: SyncContext, options: SessionOptions): ExportSession {
  return kind === "products" ? exportSession(ctx.shop, productSpec(ctx), options) : exportSession(ctx.shop, customerSpec(ctx), options);
}
