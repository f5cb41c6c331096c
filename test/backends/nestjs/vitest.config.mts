import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ with tsc first: the tests run what `node dist/main.js` runs.
    globalSetup: ["test/build.global.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
