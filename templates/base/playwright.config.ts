import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import {
  APP_PORT,
  E2E_ACCESS_TTL,
  E2E_LOGIN_MAX_FAILURES,
  E2E_REFRESH_TTL,
  MOCK_PORT,
} from "./e2e/settings";

/**
 * End-to-end tests run against a production build (`next build && next start`)
 * and the built-in mock backend with short token lifetimes, so that refresh
 * rotation and expiry happen within a test. PORT and MOCK_PORT move both
 * servers when the defaults are taken.
 */
const port = APP_PORT;
const mockPort = MOCK_PORT;

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
    {
      command: "tsx mock/main.ts",
      url: `http://127.0.0.1:${mockPort}/__mock/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        MOCK_PORT: String(mockPort),
        MOCK_ACCESS_TTL: String(E2E_ACCESS_TTL),
        MOCK_REFRESH_TTL: String(E2E_REFRESH_TTL),
      },
    },
    {
      command: `next build && next start --port ${port}`,
      url: `http://localhost:${port}/login`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: {
        PORT: String(port),
        NEXTAUTH_URL: `http://localhost:${port}`,
        BACKEND_URL: `http://127.0.0.1:${mockPort}`,
        NEXTAUTH_SECRET: secret,
        LOGIN_MAX_FAILURES: String(E2E_LOGIN_MAX_FAILURES),
        BACKEND_PROXY_PREFIXES: "",
      },
    },
  ],
});
