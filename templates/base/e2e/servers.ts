import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { e2eDatabaseEnv } from "./database";
import {
  APP_PORT,
  APP_URL,
  BACKEND_UNDER_TEST,
  E2E_ACCESS_TTL,
  E2E_LOGIN_MAX_FAILURES,
  E2E_REFRESH_TTL,
  EXTERNAL_BACKEND,
  MOCK_PORT,
} from "./settings";

/**
 * The servers and the browser playwright.config.ts starts: the app as a
 * production build (`next build && next start`; E2E_REUSE_BUILD=1 skips the
 * build when one just ran) and, unless E2E_BACKEND_URL names another backend,
 * the built-in mock with the short token lifetimes of e2e/settings.ts.
 */

/** Playwright's own Chromium when installed, else the system one (CHROMIUM_PATH or /usr/bin/chromium). */
function chromiumExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright's browsers are not installed: fall through.
  }
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** How the browser starts: headless, and quiet (no updates, sync or first-run pages during a test). */
export function chromiumLaunchOptions() {
  const executablePath = chromiumExecutable();
  return {
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
  };
}

// Tests never depend on a developer's .env.local secret. Set once, in the
// runner, so that the workers (which load the config again) see the same
// value and e2e/security.spec.ts can look for it in the client bundles.
const secret = (process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url"));

/** The app under test. */
function appServer() {
  const build = process.env.E2E_REUSE_BUILD === "1" ? "" : "next build && ";
  return {
    command: `${build}next start --port ${APP_PORT}`,
    url: `${APP_URL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: {
      PORT: String(APP_PORT),
      NEXTAUTH_URL: APP_URL,
      BACKEND_URL: BACKEND_UNDER_TEST,
      NEXTAUTH_SECRET: secret,
      LOGIN_MAX_FAILURES: String(E2E_LOGIN_MAX_FAILURES),
      // A developer's .env.local must not point the suite at other prefixes.
      BACKEND_PROXY_PREFIXES: EXTERNAL_BACKEND ? (process.env.BACKEND_PROXY_PREFIXES ?? "") : "",
      ...e2eDatabaseEnv(),
    },
  };
}

/** The built-in mock backend, with the short lifetimes the specs expect. */
function mockServer() {
  return {
    command: "tsx mock/main.ts",
    url: `http://127.0.0.1:${MOCK_PORT}/__mock/stats`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      MOCK_PORT: String(MOCK_PORT),
      MOCK_ACCESS_TTL: String(E2E_ACCESS_TTL),
      MOCK_REFRESH_TTL: String(E2E_REFRESH_TTL),
    },
  };
}

/** Every server the suite needs, the backend first. */
export function webServers() {
  return [...(EXTERNAL_BACKEND ? [] : [mockServer()]), appServer()];
}
