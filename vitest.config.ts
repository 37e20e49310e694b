import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "scripts/**/*.test.ts", "prestashop-module/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    pool: "forks",
    env: { LOG_LEVEL: "error" },
  },
});
