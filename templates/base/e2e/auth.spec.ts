import { expect, test } from "@playwright/test";
import {
  DEMO,
  demoResourcePath,
  mockStats,
  proxyFromPage,
  resetMock,
  seconds,
  signIn,
} from "./helpers";
import { E2E_ACCESS_TTL, E2E_REFRESH_TTL } from "./settings";

test.beforeEach(async () => {
  await resetMock();
});

test("a protected page redirects to /login when signed out", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard&reason=sign-in-required$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("login-notice")).toHaveText("Please sign in to continue.");
});

test("a wrong password and an unknown user get the same error", async ({ page }) => {
  const messages: string[] = [];
  for (const user of [
    { username: DEMO.username, password: "wrong-password" },
    { username: "nobody-here", password: "wrong-password" },
  ]) {
    await page.goto("/login");
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Next's route announcer is an (empty) alert too: pick the form's.
    const alert = page.locator("form").getByRole("alert");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    await expect(page).toHaveURL(/\/login/);
  }
  expect(messages[0]).toBe("Incorrect username or password.");
  expect(messages[1]).toBe(messages[0]);
});

test("signing in shows the dashboard with data read on the server and through the proxy", async ({
  page,
}) => {
  await signIn(page);
  await expect(page.getByTestId("user-name")).not.toBeEmpty();
  await expect(page.getByTestId("server-items").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
});

test("the dashboard's backend data is rendered on the server: it is in the HTML, without JavaScript", async ({
  page,
}) => {
  await signIn(page);
  // The page's own HTML as the server sends it, with the browser's session cookie: no script runs.
  const html = await (await page.request.get("/dashboard")).text();
  const list = /<ul[^>]*data-testid="server-items"[^>]*>(.*?)<\/ul>/s.exec(html);
  expect(list, "the server-rendered item list").not.toBeNull();
  const titles = await page.getByTestId("server-items").getByRole("listitem").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(list![1]).toContain(escapeHtml(title));
});

/** Text as React writes it into HTML. */
function escapeHtml(text: string): string {
  const entities: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#x27;",
  };
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

test("no backend token reaches the browser: not in /api/auth/session, not in the HTML, not in readable cookies", async ({
  page,
}) => {
  await signIn(page);
  const session = await page.evaluate(async () => (await fetch("/api/auth/session")).text());
  expect(Object.keys(JSON.parse(session) as object).sort()).toEqual(["expires", "user"]);
  expect(session).not.toMatch(/token|eyJ/i);
  const html = await page.content();
  expect(html).not.toMatch(/accessToken|refreshToken|access_token|refresh_token|eyJ[\w-]{10,}\./);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  const cookie = (await page.context().cookies()).find((c) =>
    c.name.endsWith("next-auth.session-token"),
  );
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(cookie?.name.startsWith("__Host-")).toBe(true);
});

test("after each expiry the dashboard still loads with exactly one refresh, the second with the rotated refresh token", async ({
  page,
}) => {
  await signIn(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  expect((await mockStats()).refreshes).toBe(0);
  for (let round = 1; round <= 2; round++) {
    await seconds(E2E_ACCESS_TTL + 1);
    await page.reload();
    await expect(page.getByTestId("server-items").getByRole("listitem").first()).toBeVisible();
    await expect(page.getByTestId("proxy-status")).toHaveText("200");
    // A refresh token kept from before the first rotation would be replayed here.
    expect(await mockStats()).toMatchObject({
      refreshes: round,
      rejectedRefreshes: 0,
      reusedRefreshes: 0,
    });
  }
});

test("20 parallel proxy requests after expiry cause exactly one refresh and all succeed", async ({
  page,
}) => {
  await signIn(page);
  const path = await demoResourcePath(page);
  await page.goto("/");
  await seconds(E2E_ACCESS_TTL + 1);

  const statuses = await proxyFromPage(page, path, 20);
  expect(statuses).toEqual(Array(20).fill(200));
  const stats = await mockStats();
  expect(stats.refreshes).toBe(1);
  expect(stats.rejectedRefreshes).toBe(0);
  expect(stats.reusedRefreshes).toBe(0);

  // The rotated cookie reached the browser: the next call needs no refresh.
  expect(await proxyFromPage(page, path)).toEqual([200]);
  expect((await mockStats()).refreshes).toBe(1);
});

test("when the refresh token expires, the dashboard sends the user to /login", async ({ page }) => {
  test.setTimeout((E2E_REFRESH_TTL + 60) * 1000);
  await signIn(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");

  await seconds(E2E_REFRESH_TTL + 1);
  await page.getByRole("button", { name: "Reload via proxy" }).click();
  await page.waitForURL(/\/login/);
  await expect(page.getByTestId("login-notice")).toHaveText(
    "Your session ended. Please sign in again.",
  );

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard&reason=sign-in-required$/);
  expect((await mockStats()).reusedRefreshes).toBe(0);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("signing out ends the session and clears the cookie", async ({ page }) => {
      await signIn(page);
      const path = await demoResourcePath(page);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/login/);
      await expect(page.getByTestId("login-notice")).toHaveText("You have been signed out.");

      const cookies = await page.context().cookies();
      expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
      await page.goto("/dashboard");
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard&reason=sign-in-required$/);
      expect((await page.request.get(`/api/proxy/${path}`)).status()).toBe(401);
    });
  });
}
