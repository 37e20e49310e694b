/**
 * Describe and listtypes data captured from a fresh vtiger 8.2.0 (./fixtures, copied from
 * reference/vtiger82-samples). Loaded at runtime so the samples stay the single source of truth.
 */
import { readFileSync, readdirSync } from "node:fs";

export interface PicklistValue {
  label: string;
  value: string;
}

export interface FieldType {
  name: string;
  picklistValues?: PicklistValue[];
  defaultValue?: string | null;
  refersTo?: string[];
  format?: string;
}

export interface DescribeField {
  name: string;
  label: string;
  mandatory: boolean | string;
  type: FieldType;
  isunique?: boolean;
  nullable?: boolean | string;
  editable?: boolean | string;
  default?: string | null;
}

export interface ModuleDescribe {
  label: string;
  name: string;
  createable: boolean;
  updateable: boolean;
  deleteable: boolean;
  retrieveable: boolean;
  fields: DescribeField[];
  idPrefix: string;
  isEntity: boolean;
  allowDuplicates?: boolean;
  labelFields: string;
}

export interface ListTypeInfo {
  isEntity: boolean;
  label: string;
  singular: string;
}

export interface Fixtures {
  describes: ReadonlyMap<string, ModuleDescribe>;
  /** listtypes of the admin on a fresh install, in vtiger's order. */
  types: readonly string[];
  information: Readonly<Record<string, ListTypeInfo>>;
}

const FIXTURE_DIR = new URL("./fixtures/", import.meta.url);

function readResult<T>(file: string): T {
  const envelope = JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), "utf8")) as { result: T };
  return envelope.result;
}

let cached: Fixtures | undefined;

/** Read once per process; callers must treat the result as immutable (clone before changing). */
export function loadFixtures(): Fixtures {
  if (cached) return cached;
  const describes = new Map<string, ModuleDescribe>();
  for (const file of readdirSync(FIXTURE_DIR)) {
    const match = /^describe_(\w+)\.json$/.exec(file);
    if (match?.[1]) describes.set(match[1], readResult<ModuleDescribe>(file));
  }
  const listTypes = readResult<{ types: string[]; information: Record<string, ListTypeInfo> }>("listtypes.json");
  cached = { describes, types: listTypes.types, information: listTypes.information };
  return cached;
}

/** A sample record as vtiger returned it (lead_created.json, so_created.json, …). */
export function loadSample<T = Record<string, unknown>>(file: string): T {
  const parsed = JSON.parse(readFileSync(new URL(file, FIXTURE_DIR), "utf8")) as { result?: T } & T;
  return parsed.result ?? parsed;
}
