import { randomBytes, hkdfSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/url";

let cached: Buffer | undefined;

/**
 * The key that protects secrets at rest and signs session cookies. From CONNECTOR_MASTER_KEY
 * (base64, 32 bytes) when set; otherwise generated once into the data folder, readable by the owner only.
 */
export function masterKey(): Buffer {
  if (cached) return cached;
  const fromEnv = process.env.CONNECTOR_MASTER_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("CONNECTOR_MASTER_KEY must be 32 bytes encoded in base64 (openssl rand -base64 32).");
    cached = key;
    return key;
  }
  const file = path.join(dataDir(), "master.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
    // "wx" fails if another process created it first; then we read theirs.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} is damaged: it must hold 32 bytes in base64.`);
  cached = key;
  return key;
}

/** Independent sub-keys for independent purposes (encryption vs cookie signing). */
export function derivedKey(purpose: "secrets" | "session-cookie"): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `prestashop-vtiger-connector/${purpose}`, 32));
}
