/**
 * npm run admin:reset-password — for a forgotten admin password. Run it on the server (whoever can,
 * owns the installation). Takes the new password from ADMIN_PASSWORD or asks for it.
 * Every existing session is signed out.
 */
import { createInterface } from "node:readline/promises";
import { applyMigrations } from "../lib/db/migrate";
import { databaseStatus } from "../lib/db/status";
import { setAdminPassword } from "../lib/auth/admin";
import { MIN_PASSWORD_LENGTH } from "../lib/auth/password";

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const first = await rl.question("New administrator password: ");
  const second = await rl.question("Type it again: ");
  rl.close();
  if (first !== second) throw new Error("The two passwords differ. Nothing was changed.");
  return first;
}

try {
  // The app migrates at start; migrating again while it runs would wait on its write lock.
  if (!(await databaseStatus()).ok) applyMigrations();
  const password = process.env.ADMIN_PASSWORD ?? (await askPassword());
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password needs at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.`);
  await setAdminPassword(password);
  console.log("The administrator password was changed; every open session is signed out.");
  process.exit(0);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
