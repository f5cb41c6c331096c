import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { resetMock, signIn } from "./helpers";

test.beforeEach(async () => {
  await resetMock();
});

test("the sessions page has no axe violations", async ({ browser }) => {
  // Two browsers, so the page lists another session with its sign-out button.
  const other = await browser.newContext();
  await signIn(await other.newPage());
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/dashboard/sessions");
  await expect(page.getByTestId("session-row").nth(1)).toBeVisible();
  await expectAccessible(page, "sessions");
  await page.getByTestId("sign-out-others").click();
  await expect(page.getByTestId("confirm-sign-out-others")).toBeVisible();
  await expectAccessible(page, "sessions-confirm");
  await Promise.all([context.close(), other.close()]);
});
