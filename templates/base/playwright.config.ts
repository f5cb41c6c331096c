import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions, webServers } from "./e2e/servers";
import { APP_URL, EXTERNAL_BACKEND } from "./e2e/settings";

/**
 * End-to-end tests run against a production build and the built-in mock
 * backend with short token lifetimes, so that refresh rotation and expiry
 * happen within a test (both servers: e2e/servers.ts). PORT and MOCK_PORT move
 * them when the defaults are taken.
 *
 * E2E_BACKEND_URL runs the same suite against another backend instead of the
 * mock (it must serve `/__mock/stats` and `/__mock/reset`, and issue tokens
 * with the lifetimes in e2e/settings.ts); the backend's own variables
 * (BACKEND_PROXY_PREFIXES, the style's paths and field names) then come from
 * the environment.
 */
export default defineConfig({
  testDir: "./e2e",
  // `*.mock.spec.ts` switch on the built-in mock's faults (`/__mock/faults`),
  // which the independent backends of E2E_BACKEND_URL do not have.
  testIgnore: EXTERNAL_BACKEND ? ["**/*.mock.spec.ts"] : [],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: { baseURL: APP_URL, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: webServers(),
});
