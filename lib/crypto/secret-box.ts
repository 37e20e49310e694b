import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "./master-key";

const VERSION = "v1";

/** AES-256-GCM; output "v1:<iv>:<tag>:<ciphertext>" in base64 parts. Empty stays empty (nothing to hide). */
export function encryptSecret(plain: string): string {
  if (plain === "") return "";
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("secrets"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function decryptSecret(sealed: string): string {
  if (sealed === "") return "";
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new Error("A stored secret is unreadable (unknown format). Enter it again on the Connection tab.");
  }
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("secrets"), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("A stored secret cannot be decrypted: the master key changed. Enter the secret again on the Connection tab.");
  }
}
