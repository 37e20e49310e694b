import { NextResponse } from "next/server";
import { databaseStatus } from "@/lib/db/status";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Public liveness check for monitors and the demo script: no settings, no secrets. */
export async function GET() {
  const db = await databaseStatus();
  return NextResponse.json(
    { status: db.ok ? "ok" : "error", version: packageJson.version, database: { ok: db.ok, schema: db.ok ? db.detail : undefined } },
    { status: db.ok ? 200 : 503 },
  );
}
