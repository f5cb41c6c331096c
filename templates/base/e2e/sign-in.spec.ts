import { expect, test, type Page } from "@playwright/test";
import { DEMO, resetMock, signIn } from "./helpers";
import { E2E_LOGIN_MAX_FAILURES } from "./settings";

test.beforeEach(async () => {
  await resetMock();
});

const loginError = (page: Page) => page.getByTestId("login-error");

/** Fill the form and submit it without waiting for anything, as a quick user does. */
async function submit(page: Page, username: string, password: string): Promise<void> {
  if (username) await page.getByLabel("Username").fill(username);
  if (password) await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Every request URL the page sends that carries a password, to prove none does. */
function urlsWithPasswords(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const leaks =
      url.searchParams.has("password") ||
      [DEMO.password, "wrong-password"].some((secret) => request.url().includes(secret));
    if (leaks) urls.push(request.url());
  });
  return urls;
}

test("submitting right after the page loads signs in", async ({ page }) => {
  const leaked = urlsWithPasswords(page);
  await page.goto("/login", { waitUntil: "commit" });
  await submit(page, DEMO.username, DEMO.password);
  await page.waitForURL("**/dashboard");
  await expect(page.getByTestId("user-name")).not.toBeEmpty();
  expect(leaked).toEqual([]);
});

test("a refused CSRF token is retried once with a fresh token, never taken for a success", async ({
  page,
}) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  let refused = 0;
  await page.route("**/api/auth/callback/credentials", async (route) => {
    if (refused++ > 0) return route.continue();
    // What next-auth answers when the CSRF cookie and token do not match.
    await route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ url: new URL("/api/auth/signin?csrf=true", page.url()).toString() }),
    });
  });
  await submit(page, DEMO.username, DEMO.password);
  await page.waitForURL("**/dashboard");
  await expect(page.getByTestId("user-name")).not.toBeEmpty();
  expect(refused).toBe(2);
});

test("a CSRF token refused twice shows an error and stays on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.route("**/api/auth/callback/credentials", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ url: new URL("/api/auth/signin?csrf=true", page.url()).toString() }),
    }),
  );
  await submit(page, DEMO.username, DEMO.password);
  await expect(loginError(page)).toHaveText("Sign-in failed. Please try again later.");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields say what is missing, mark the fields invalid and move focus to the message", async ({
  page,
}) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  const username = page.getByLabel("Username");
  const password = page.getByLabel("Password");
  for (const { fill, message, invalid } of [
    { fill: ["", ""], message: "Enter your username and password.", invalid: [true, true] },
    { fill: [DEMO.username, ""], message: "Enter your password.", invalid: [false, true] },
    { fill: ["", DEMO.password], message: "Enter your username.", invalid: [true, false] },
  ]) {
    await username.fill(fill[0]!);
    await password.fill(fill[1]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(loginError(page)).toHaveText(message);
    await expect(loginError(page)).toBeFocused();
    for (const [field, isInvalid] of [
      [username, invalid[0]],
      [password, invalid[1]],
    ] as const) {
      if (isInvalid) {
        await expect(field).toHaveAttribute("aria-invalid", "true");
        await expect(field).toHaveAttribute("aria-describedby", "login-error");
      } else {
        await expect(field).not.toHaveAttribute("aria-invalid");
      }
    }
  }
});

test("a wrong password moves focus to the error, which describes both fields", async ({ page }) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await submit(page, DEMO.username, "wrong-password");
  await expect(loginError(page)).toHaveText("Incorrect username or password.");
  await expect(loginError(page)).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", "login-error");
});

test("a throttled sign-in says how long to wait", async ({ page }) => {
  const username = `wait-${Date.now()}`;
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  for (let i = 0; i < E2E_LOGIN_MAX_FAILURES; i++) {
    await submit(page, username, "wrong-password");
    await expect(loginError(page)).toHaveText("Incorrect username or password.");
  }
  await submit(page, username, "wrong-password");
  await expect(loginError(page)).toHaveText(
    /^Too many attempts\. Please wait \d+ (seconds?|minutes?) before trying again\.$/,
  );
});

test("signed in, /login goes on to the dashboard and the home page shows who is signed in", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/");
  await expect(page.getByTestId("home-signed-in")).toContainText("signed in as");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(page.getByTestId("header-user")).not.toBeEmpty();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, signs in and never puts the password in a URL", async ({ page }) => {
    const leaked = urlsWithPasswords(page);
    await page.goto("/login?callbackUrl=%2Fdashboard");
    await submit(page, DEMO.username, DEMO.password);
    await page.waitForURL("**/dashboard");
    await expect(page.getByTestId("user-name")).not.toBeEmpty();
    expect(leaked).toEqual([]);
    await page.goto("/login");
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a wrong password and empty fields come back as messages on the login page", async ({
    page,
  }) => {
    const leaked = urlsWithPasswords(page);
    for (const { username, password, message } of [
      {
        username: DEMO.username,
        password: "wrong-password",
        message: "Incorrect username or password.",
      },
      { username: "", password: "", message: "Enter your username and password." },
      { username: DEMO.username, password: "", message: "Enter your password." },
    ]) {
      await page.goto("/login");
      await submit(page, username, password);
      await expect(loginError(page)).toHaveText(message);
      await expect(page).toHaveURL(/\/login\?/);
    }
    expect(leaked).toEqual([]);
  });

  test("a throttled sign-in says how long to wait", async ({ page }) => {
    const username = `nojs-wait-${Date.now()}`;
    for (let i = 0; i <= E2E_LOGIN_MAX_FAILURES; i++) {
      await page.goto("/login");
      await submit(page, username, "wrong-password");
      await expect(loginError(page)).toBeVisible();
    }
    await expect(loginError(page)).toHaveText(/Please wait \d+ (seconds?|minutes?)/);
  });
});
