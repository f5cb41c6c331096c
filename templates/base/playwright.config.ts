import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { e2eDatabaseEnv } from "./e2e/database";
import {
  APP_PORT,
  BACKEND_UNDER_TEST,
  E2E_ACCESS_TTL,
  E2E_LOGIN_MAX_FAILURES,
  E2E_REFRESH_TTL,
  EXTERNAL_BACKEND,
  MOCK_PORT,
} from "./e2e/settings";

/**
 * End-to-end tests run against a production build (`next build && next start`)
 * and the built-in mock backend with short token lifetimes, so that refresh
 * rotation and expiry happen within a test. PORT and MOCK_PORT move both
 * servers when the defaults are taken.
 *
 * E2E_BACKEND_URL runs the same suite against another backend instead of the
 * mock (it must serve `/__mock/stats` and `/__mock/reset`, and issue tokens
 * with the lifetimes in e2e/settings.ts); the backend's own variables
 * (BACKEND_PROXY_PREFIXES, the style's paths and field names) then come from
 * the environment. E2E_REUSE_BUILD=1 skips `next build` when one just ran.
 */
const port = APP_PORT;
const mockPort = MOCK_PORT;
const build = process.env.E2E_REUSE_BUILD === "1" ? "" : "next build && ";

/** Playwright's own Chromium when installed, else the system one (CHROMIUM_PATH or /usr/bin/chromium). */
function chromiumExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright's browsers are not installed: fall through.
  }
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

const executablePath = chromiumExecutable();

// Tests never depend on a developer's .env.local secret. Set once here, in the
// runner, so that the workers (which load this file again) see the same value
// and e2e/security.spec.ts can look for it in the client bundles.
const secret = (process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url"));

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
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    ...(EXTERNAL_BACKEND ? [] : [mockServer()]),
    {
      command: `${build}next start --port ${port}`,
      url: `http://localhost:${port}/login`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        PORT: String(port),
        NEXTAUTH_URL: `http://localhost:${port}`,
        BACKEND_URL: BACKEND_UNDER_TEST,
        NEXTAUTH_SECRET: secret,
        LOGIN_MAX_FAILURES: String(E2E_LOGIN_MAX_FAILURES),
        // A developer's .env.local must not point the suite at other prefixes.
        BACKEND_PROXY_PREFIXES: EXTERNAL_BACKEND ? (process.env.BACKEND_PROXY_PREFIXES ?? "") : "",
        ...e2eDatabaseEnv(),
      },
    },
  ],
});

/** The built-in mock backend, with the short lifetimes the specs expect. */
function mockServer() {
  return {
    command: "tsx mock/main.ts",
    url: `http://127.0.0.1:${mockPort}/__mock/stats`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      MOCK_PORT: String(mockPort),
      MOCK_ACCESS_TTL: String(E2E_ACCESS_TTL),
      MOCK_REFRESH_TTL: String(E2E_REFRESH_TTL),
    },
  };
}
