import { headers } from "next/headers";

/** The address this page was opened with, as the browser (or a proxy in front of us) reports it. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/`;
}
