/**
 * npm run demo: the vtiger sandbox plus the app, pre-connected to each other. Nothing else to install.
 * Ports: SANDBOX_VTIGER_PORT (8081), PORT (3000). Builds the app first when no build exists.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { startVtigerSandbox } from "../sandbox/vtiger/server";

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_VTIGER_PORT ?? 8081);

if (!existsSync(".next/BUILD_ID") || process.argv.includes("--build")) {
  console.log("Building the app (first run only; `npm run demo -- --build` rebuilds)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sandbox = await startVtigerSandbox({
  port: sandboxPort,
  users: {
    admin: {
      ...(process.env.SANDBOX_VTIGER_USER ? { userName: process.env.SANDBOX_VTIGER_USER } : {}),
      ...(process.env.SANDBOX_VTIGER_ACCESS_KEY ? { accessKey: process.env.SANDBOX_VTIGER_ACCESS_KEY } : {}),
    },
  },
});

const app = spawn("npx", ["next", "start", "-p", String(appPort)], {
  stdio: "inherit",
  env: {
    ...process.env,
    DEMO_CRM_URL: sandbox.url,
    DEMO_CRM_USER: sandbox.username,
    DEMO_CRM_ACCESS_KEY: sandbox.accessKey,
  },
});

console.log(`
  vtiger sandbox:  ${sandbox.url}  (user "${sandbox.username}", access key "${sandbox.accessKey}")
  Connector app:   http://localhost:${appPort}/
  First visit: open http://localhost:${appPort}/setup and enter the "Setup code" printed below by the app
  (or start the demo with ADMIN_PASSWORD=... to set the password directly). Then sign in.
`);

const stop = async () => {
  app.kill("SIGTERM");
  await sandbox.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", async (code) => {
  await sandbox.close();
  process.exit(code ?? 0);
});
