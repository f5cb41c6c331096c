import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, mockStats, resetMock, seconds, signIn } from "./helpers";
import { BACKEND_UNDER_TEST, E2E_ACCESS_TTL, E2E_LOGIN_MAX_FAILURES } from "./settings";

test.beforeEach(async () => {
  await resetMock();
});

/** Collects the browser's CSP violation reports of a page. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("every page answers with a nonce-based CSP and the other security headers", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/login", "/dashboard", "/no-such-page"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // `next start` is a production server.
    expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d+/);
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size).toBe(4);
});

test("every script Next renders carries this response's nonce, and the pages still work", async ({
  page,
  request,
}) => {
  const response = await request.get("/login");
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")![1];
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const violations = cspViolations(page);
  // Hydrated: the client-side sign-in runs and navigates.
  await signIn(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  expect(violations).toEqual([]);
});

test("the responses that set or clear the session cookie are not cacheable; sign-out clears site cookies", async ({
  page,
}) => {
  const signInResponse = page.waitForResponse((r) =>
    r.url().includes("/api/auth/callback/credentials"),
  );
  await signIn(page);
  const signedIn = await signInResponse;
  // allHeaders(): headers() leaves out cookie and other security-related headers.
  const signedInHeaders = await signedIn.allHeaders();
  expect(signedInHeaders["set-cookie"]).toContain("session-token");
  expect(signedInHeaders["cache-control"]).toContain("no-store");

  const signOutResponse = page.waitForResponse((r) => r.url().includes("/api/auth/signout"));
  await page.getByRole("button", { name: "Sign out" }).click();
  const signedOut = await signOutResponse;
  const signedOutHeaders = await signedOut.allHeaders();
  expect(signedOutHeaders["clear-site-data"]).toBe('"cookies"');
  expect(signedOutHeaders["cache-control"]).toContain("no-store");
  // Let the browser finish applying Clear-Site-Data and the redirect before the
  // context closes (closing mid-way has been seen to stall the teardown).
  await page.waitForURL(/\/login/);
  expect((await page.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(
    false,
  );
});

test("repeated failed sign-ins for one username are throttled: 429 with Retry-After", async ({
  page,
}) => {
  // A name of its own, so no other test's sign-ins are throttled by this one.
  const username = `throttle-${Date.now()}`;
  const alert = page.locator("form").getByRole("alert");
  const attempt = async () => {
    await page.goto("/login");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toBeVisible();
    return alert.textContent();
  };
  for (let i = 0; i < E2E_LOGIN_MAX_FAILURES; i++) {
    expect(await attempt()).toBe("Incorrect username or password.");
  }
  expect(await attempt()).toMatch(/Too many attempts/);

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { username, password: "wrong-password", csrfToken, json: "true" },
  });
  expect(response.status()).toBe(429);
  const retryAfter = Number(response.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(Number.isInteger(retryAfter)).toBe(true);

  // Another user is not affected.
  await signIn(page, DEMO);
});

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * NEXTAUTH_SECRET values in the app's env files: with E2E_REUSE_BUILD the
 * build saw those, not the suite's own secret.
 */
async function envFileSecrets(): Promise<string[]> {
  const secrets: string[] = [];
  for (const name of [".env", ".env.local", ".env.production", ".env.production.local"]) {
    const text = await readFile(new URL(`../${name}`, import.meta.url), "utf8").catch(() => "");
    const value = /^NEXTAUTH_SECRET=["']?([^"'\n]*)/m.exec(text)?.[1];
    if (value) secrets.push(...value.split(",").filter((s) => s.length >= 16));
  }
  return secrets;
}

test("the client bundles contain no secret, no backend address and no token field", async () => {
  // `next build` ran before the tests (playwright.config.ts): scan what browsers download.
  const staticDir = fileURLToPath(new URL("../.next/static", import.meta.url));
  const files = await filesUnder(staticDir);
  expect(files.some((f) => f.endsWith(".js"))).toBe(true);
  const forbidden = [
    process.env.NEXTAUTH_SECRET!,
    ...(await envFileSecrets()),
    BACKEND_UNDER_TEST,
    "NEXTAUTH_SECRET",
    "BACKEND_URL",
    "CLIENT_SECRET",
    "client_secret",
    "accessToken",
    "refreshToken",
    "access_token",
    "refresh_token",
  ];
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const needle of forbidden) {
      if (text.includes(needle)) found.push(`${file.slice(staticDir.length)}: ${needle}`);
    }
  }
  expect(found).toEqual([]);
});

/** The headers every response of the app carries, whatever produced it. */
function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBeTruthy();
  expect(headers["strict-transport-security"], what).toMatch(/^max-age=\d+/);
}

test("every next-auth route answers with the security headers, its HTML pages with a CSP that runs no script", async ({
  request,
}) => {
  for (const route of [
    "signin",
    "signout",
    "error",
    "csrf",
    "providers",
    "session",
    "callback/credentials",
  ]) {
    const response = await request.get(`/api/auth/${route}`, { maxRedirects: 0 });
    const headers = response.headers();
    expectSecurityHeaders(headers, route);
    if (headers["content-type"]?.startsWith("text/html")) {
      expect(headers["content-security-policy"], route).not.toContain("script-src");
      expect(headers["content-security-policy"], route).toContain("default-src 'none'");
    }
  }
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const posted = await request.post("/api/auth/signout", {
    form: { csrfToken },
    maxRedirects: 0,
  });
  expectSecurityHeaders(posted.headers(), "POST signout");
});

test("a path with a malformed percent escape is refused with 400 and the security headers, never a 500", async ({
  request,
}) => {
  for (const path of [
    "/api/proxy/api/%zz",
    "/api/proxy/api/items%ff",
    "/api/proxy/api/%",
    "/api/proxy/api/%C0%AF",
    "/api/auth/%zz",
    "/api/auth/callback/%E0%80%AE",
    "/login/%zz",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expectSecurityHeaders(response.headers(), path);
    if (path.startsWith("/api/proxy/"))
      expect(await response.json()).toEqual({ error: "bad_path" });
  }
});

test("TRACE is refused by Next before the app runs: a bare 500 without details", async ({
  request,
}) => {
  // Next cannot build a request object for TRACE (undici refuses the method),
  // so neither proxy.ts nor a route handler runs: the app cannot answer 405.
  // This test notices when that changes; README "Security" says what to do.
  // Where proxy.ts is not involved, next.config.ts's headers are still sent.
  for (const [path, headers] of [
    ["/login", false],
    ["/api/auth/session", false],
    ["/api/auth/csrf", true],
    ["/api/proxy/api/items", true],
  ] as const) {
    const response = await request.fetch(path, { method: "TRACE", maxRedirects: 0 });
    expect(response.status(), path).toBe(500);
    expect(response.headers()["content-type"], path).toBe("text/plain");
    expect(await response.text(), path).toBe("Internal Server Error");
    if (headers) expectSecurityHeaders(response.headers(), `TRACE ${path}`);
  }
});

test("next-auth's session endpoint under another spelling is handled like /api/auth/session: an expired access token is refreshed", async ({
  page,
}) => {
  await signIn(page);
  // next-auth's catch-all route answers both as its session endpoint; proxy.ts must see them too.
  for (const [round, alias] of ["/api/auth/se%73sion", "/api/auth/%73ession"].entries()) {
    await seconds(E2E_ACCESS_TTL + 1);
    const status = await page.evaluate(async (url) => (await fetch(url)).status, alias);
    expect(status, alias).toBe(200);
    expect((await mockStats()).refreshes, alias).toBe(round + 1);
  }
});
