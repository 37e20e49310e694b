/**
 * The sandbox's adjustable behaviour: latency, injected failures, the impersonated version, and the
 * webservice keys with their permissions. Shop settings (PS_WEBSERVICE, active languages) live in
 * the shop's own configuration and language tables.
 */
import { z } from "zod";
import { PS_VERSIONS, type PsVersion } from "./versions.ts";

/** The sandbox serves reads only, so keys can only be granted these (a read-only key). */
export const KEY_METHODS = ["GET", "HEAD"] as const;
type KeyMethod = (typeof KEY_METHODS)[number];

export interface KeyAccount {
  active: boolean;
  /** resource → methods granted (webservice_permission rows). */
  permissions: Record<string, KeyMethod[]>;
}

export interface PrestashopSandboxKnobs {
  /** Added before every webservice answer. */
  latencyMs: number;
  /** Probability that a webservice call answers a bare HTTP 500 (PHP fatal error). */
  failureRate: number;
  /** Seed of the random source behind failure decisions. */
  seed: number;
  version: PsVersion;
  keys: Record<string, KeyAccount>;
  /** Where the emitter posts webhooks; null: actions change the shop without notifying anyone. */
  webhookUrl: string | null;
  webhookSecret: string | null;
}

const keyPatch = z
  .object({
    active: z.boolean(),
    permissions: z.record(z.string(), z.array(z.enum(KEY_METHODS))),
  })
  .partial()
  .strict();

/** Body of POST /_sandbox/config and argument of control.configure(): any subset. */
export const configPatchSchema = z
  .object({
    latencyMs: z.number().min(0),
    failureRate: z.number().min(0).max(1),
    seed: z.number().int(),
    version: z.enum(PS_VERSIONS),
    /** PS_WEBSERVICE: off answers 503 #22 to everything. */
    webserviceEnabled: z.boolean(),
    /** Active languages: 1 turns multilingual JSON values into plain strings (reference §6.4). */
    languages: z.union([z.literal(1), z.literal(2)]),
    /** key → changes (a new key starts active, with no permissions); null deletes the key. */
    keys: z.record(z.string(), keyPatch.nullable()),
    webhookUrl: z.url().nullable(),
    webhookSecret: z.string().min(1).nullable(),
  })
  .partial()
  .strict();

export type PrestashopSandboxConfigPatch = z.infer<typeof configPatchSchema>;
