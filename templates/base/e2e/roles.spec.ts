/**
 * A page only one role may open: app.config.ts lists `/admin` with the role
 * `admin`, which the backend gives `demo` and not `alice`.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { ALICE, DEMO, resetMock } from "./helpers";

test.beforeEach(async () => {
  await resetMock();
});

/** Sign in through the form of `/login?callbackUrl=…`, with or without JavaScript. */
async function signInTo(page: Page, path: string, user: typeof DEMO): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${path}`);
}

const adminLink = (page: Page) =>
  page.getByRole("banner").getByRole("link", { name: "Admin", exact: true });

test("signed out, /admin goes to the login page and back to /admin after signing in with the role", async ({
  page,
}) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin&reason=sign-in-required$/);
  await page.getByLabel("Username").fill(DEMO.username);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
  await expect(page.getByTestId("admin-roles")).toContainText("admin");
  await expectAccessible(page, "admin");
});

test("a user with the role sees the Admin link in the header and opens the page with 200", async ({
  page,
}) => {
  await signInTo(page, "/dashboard", DEMO);
  await adminLink(page).click();
  await page.waitForURL("**/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
  const response = await page.request.get("/admin", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
});

test("a signed-in user without the role gets no link and a 403 page that says why, not the login page", async ({
  page,
}) => {
  await signInTo(page, "/dashboard", ALICE);
  await expect(page.getByTestId("header-user")).not.toBeEmpty();
  await expect(adminLink(page)).toHaveCount(0);

  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(page.getByRole("main")).toContainText("does not have the role this page needs");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  // Still signed in: the 403 is not a sign-out.
  await expect(page.getByTestId("header-user")).not.toBeEmpty();
  await expectAccessible(page, "forbidden");
});

test("a sign-in as a user without the role, coming back to /admin, ends on the 403 page", async ({
  page,
}) => {
  await signInTo(page, "/admin", ALICE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the user with the role signs in to /admin and sees it", async ({ page }) => {
    await signInTo(page, "/admin", DEMO);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
  });

  test("the user without the role gets the 403 page", async ({ page }) => {
    await signInTo(page, "/dashboard", ALICE);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  });
});
