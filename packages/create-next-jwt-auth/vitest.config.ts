import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ when it is missing or stale, for the bundle and end-to-end tests.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    // Two shared cores: more workers only make the child-process tests slower.
    maxWorkers: 2,
  },
});
