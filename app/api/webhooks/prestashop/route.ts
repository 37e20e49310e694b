import { NextResponse } from "next/server";
import { readLimitedBody, receiveWebhook } from "@/lib/webhooks/receive";
import { SIGNATURE_HEADER } from "@/lib/webhooks/contract";

export const dynamic = "force-dynamic";

/** Signed shop events (contract in the README). Public: the signature is the authentication. */
export async function POST(request: Request) {
  const answer = await receiveWebhook(await readLimitedBody(request), request.headers.get(SIGNATURE_HEADER));
  return NextResponse.json(answer.body, { status: answer.status });
}
