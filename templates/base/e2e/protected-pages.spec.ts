/**
 * A page protected by app.config.ts alone: `/account` is listed there and
 * nowhere else, yet proxy.ts guards and refreshes it like the dashboard.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { DEMO, mockStats, resetMock, seconds, signIn } from "./helpers";
import { E2E_ACCESS_TTL } from "./settings";

test.beforeEach(async () => {
  await resetMock();
});

test("a page listed only in app.config.ts redirects to /login when signed out, and back after sign-in", async ({
  page,
}) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount&reason=sign-in-required$/);
  await page.getByLabel("Username").fill(DEMO.username);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/account");
  await expect(page.getByTestId("account-name")).not.toBeEmpty();
  await expectAccessible(page, "account");
});

test("a page listed only in app.config.ts still reads the backend after the access token expires, with exactly one refresh", async ({
  page,
}) => {
  await signIn(page);
  await page.getByTestId("header-user").click();
  await page.waitForURL("**/account");
  await expect(page.getByTestId("account-name")).not.toBeEmpty();
  // Counted from here: a slow sign-in may already have refreshed within the margin before expiry.
  const before = (await mockStats()).refreshes;

  await seconds(E2E_ACCESS_TTL + 1);
  await page.reload();
  // Read on the server with the access token proxy.ts refreshed before this render.
  await expect(page.getByTestId("account-name")).not.toBeEmpty();

  const stats = await mockStats();
  expect(stats.refreshes).toBe(before + 1);
  expect(stats.rejectedRefreshes).toBe(0);
});
