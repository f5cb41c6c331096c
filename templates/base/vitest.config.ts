import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server Component build; tests are server code anyway.
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    // Property tests (fast-check) run a hundred cases each: on a busy machine (a CI
    // runner building the next app beside a browser suite) one can take longer than
    // vitest's default 5 s without anything being wrong. A timeout, not a speed check.
    testTimeout: 30_000,
  },
});
