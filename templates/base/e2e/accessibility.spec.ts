import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { DEMO, resetMock, signIn } from "./helpers";

test.beforeEach(async () => {
  await resetMock();
});

/** The project name the app was created with. */
const APP_NAME = (JSON.parse(readFileSync("package.json", "utf8")) as { name: string }).name;

test("the home page has no axe violations, signed out and signed in, and its header and title name the app", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link").first()).toHaveText(APP_NAME);
  await expect(page).toHaveTitle(APP_NAME);
  await expectAccessible(page, "home");
  await signIn(page);
  await page.goto("/");
  await expect(page.getByTestId("home-signed-in")).toBeVisible();
  await expectAccessible(page, "home-signed-in");
});

test("the login page has no axe violations: empty, with each notice, after an error, throttled", async ({
  page,
}) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "login");

  await page.getByLabel("Username").fill(DEMO.username);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toBeFocused();
  await expectAccessible(page, "login-error");

  await page.getByLabel("Password").fill("");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Enter your password.");
  await expectAccessible(page, "login-missing-password");

  await page.goto("/login?error=throttled&retryAfter=30");
  await expect(page.getByTestId("login-error")).toHaveText(/wait 30 seconds/);
  await expectAccessible(page, "login-throttled");

  for (const reason of ["signed-out", "session-ended", "sign-in-required"]) {
    await page.goto(`/login?reason=${reason}`);
    await expect(page.getByTestId("login-notice")).toBeVisible();
    await expectAccessible(page, `login-${reason}`);
  }
});

test("the dashboard has no axe violations, and its proxy answer is scrollable by keyboard", async ({
  page,
}) => {
  await signIn(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  const body = page.getByTestId("proxy-body");
  await expect(body).toHaveAttribute("tabindex", "0");
  await expect(body).toHaveAccessibleName(/Answer of GET \/api\/proxy\//);
  await expectAccessible(page, "dashboard");
});

test("the dashboard's proxy answer is not cut off at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  const overflow = await page.evaluate(() => {
    const pre = document.querySelector("[data-testid=proxy-body]")!;
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      pre: pre.scrollWidth - pre.clientWidth,
    };
  });
  expect(overflow).toEqual({ page: 0, pre: 0 });
});

test("the not-found page has no axe violations and answers 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page, "not-found");
});

test("the home page's links show a focus ring when reached by keyboard", async ({ page }) => {
  await page.goto("/");
  for (const name of ["Go to the dashboard", "Sign in"]) {
    const link = page.getByRole("link", { name });
    await link.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    // The app's own ring (solid, 2 px), not the browser default a ring-1 border can hide.
    const outline = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline, name).toEqual({ style: "solid", width: "2px" });
  }
});

test("every page has a favicon", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});
