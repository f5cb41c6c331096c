import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, mockStats, resetMock } from "./helpers";
import { APP_URL, E2E_LOGIN_MAX_FAILURES } from "./settings";

/**
 * Sign-in as an attacker drives it, against the built app and the real
 * next-auth: callback URLs that resolve to another host, other body types,
 * parallel guesses, other spellings of a locked username.
 */

test.beforeEach(async () => {
  await resetMock();
});

/** A username of its own per test, so no other test is throttled by this one. */
function freshUsername(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** One credentials sign-in as next-auth/react's signIn() sends it: a form, answered in JSON. */
async function formSignIn(
  request: APIRequestContext,
  username: string,
  password: string,
  csrf: string,
): Promise<number> {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { username, password, csrfToken: csrf, json: "true" },
  });
  return response.status();
}

async function lockOut(request: APIRequestContext, username: string): Promise<void> {
  const csrf = await csrfToken(request);
  for (let i = 0; i < E2E_LOGIN_MAX_FAILURES; i++) {
    expect(await formSignIn(request, username, "wrong-password", csrf)).toBe(401);
  }
  expect(await formSignIn(request, username, "wrong-password", csrf)).toBe(429);
}

async function backendLogins(): Promise<number> {
  const stats = await mockStats();
  return stats.logins + stats.failedLogins;
}

for (const callbackUrl of ["/.//evil.com", "/a/..//evil.com", "/%2e//evil.com", "/./\\evil.com"]) {
  test(`signing in through the form with callbackUrl ${callbackUrl} ends on this site`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Were the app to send the browser away, it must not leave the machine.
    const offsite: string[] = [];
    await context.route(
      (url) => url.origin !== APP_URL,
      (route) => {
        offsite.push(route.request().url());
        return route.abort();
      },
    );
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("Username").fill(DEMO.username);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.origin === APP_URL && url.pathname === "/dashboard");
    expect(new URL(page.url()).origin).toBe(APP_URL);
    expect(offsite).toEqual([]);
    await context.close();
  });
}

test("after the form failures lock a username, a JSON-body sign-in is refused with 415 and never reaches the backend", async ({
  request,
}) => {
  const username = freshUsername("json");
  await lockOut(request, username);
  const before = await backendLogins();
  const response = await request.post("/api/auth/callback/credentials", {
    data: { username, password: "any-password", csrfToken: await csrfToken(request), json: "true" },
  });
  expect(response.status()).toBe(415);
  expect(await backendLogins()).toBe(before);
});

test("40 parallel wrong passwords for one username: only the limit reach the backend, the rest get 429", async ({
  request,
}) => {
  const username = freshUsername("race");
  const csrf = await csrfToken(request);
  const statuses = await Promise.all(
    Array.from({ length: 40 }, () => formSignIn(request, username, "wrong-password", csrf)),
  );
  expect(statuses.filter((s) => s === 401)).toHaveLength(E2E_LOGIN_MAX_FAILURES);
  expect(statuses.filter((s) => s === 429)).toHaveLength(40 - E2E_LOGIN_MAX_FAILURES);
  expect(await backendLogins()).toBe(E2E_LOGIN_MAX_FAILURES);
});

test("a locked username stays locked in other spellings: case, full-width letters, spaces", async ({
  request,
}) => {
  const username = freshUsername("alias");
  await lockOut(request, username);
  const before = await backendLogins();
  const csrf = await csrfToken(request);
  const fullWidth = username.replace(/[a-z]/g, (c) =>
    String.fromCodePoint(c.codePointAt(0)! + 0xfee0),
  );
  for (const spelling of [username.toUpperCase(), fullWidth, ` ${username}\u3000`]) {
    expect(await formSignIn(request, spelling, "wrong-password", csrf)).toBe(429);
  }
  expect(await backendLogins()).toBe(before);
});
