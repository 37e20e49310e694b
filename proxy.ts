import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken, SESSION_COOKIE } from "@/lib/auth/session-token";

/** Reachable without signing in: the sign-in and first-run pages, the health check, the shop's webhook. */
const PUBLIC_PATHS = ["/sign-in", "/setup", "/api/health", "/api/webhooks/"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => (p.endsWith("/") ? pathname.startsWith(p) : pathname === p));
}

/**
 * First gate: every page, server action (a POST carrying a Next-Action header to a page path) and
 * API route needs a valid session cookie. Pages and actions check again on the server
 * (session version in the database), so a stolen-then-reset cookie stops working.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isPublic(pathname)) return NextResponse.next();
  const claims = await readSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
  if (claims) return NextResponse.next();
  const isAction = request.method !== "GET" && request.method !== "HEAD";
  if (isAction || pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in first: this needs a signed-in administrator." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  return NextResponse.redirect(url);
}

export const config = {
  // Static assets are public; everything else goes through the gate.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
