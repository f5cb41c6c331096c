import { expect, test, type Browser } from "@playwright/test";
import { DEMO, demoResourcePath, proxyFromPage, resetMock, signIn } from "./helpers";

test.beforeEach(async () => {
  await resetMock();
});

const ALICE = { username: "alice", password: "alice-password" };

async function signedInPage(browser: Browser, user = DEMO) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

test("a copied session cookie stops working the moment its owner signs out", async ({
  browser,
}) => {
  const owner = await signedInPage(browser);
  const path = await demoResourcePath(owner.page);
  const session = (await owner.context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(session).toHaveLength(1);

  const thief = await browser.newContext();
  await thief.addCookies(session);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/dashboard");
  await expect(thiefPage.getByTestId("user-name")).toBeVisible();

  await owner.page.getByRole("button", { name: "Sign out" }).click();
  await owner.page.waitForURL(/\/login/);

  expect(await proxyFromPage(thiefPage, path)).toEqual([401]);
  await thiefPage.goto("/dashboard");
  await expect(thiefPage).toHaveURL(/\/login\?callbackUrl=%2Fdashboard&reason=session-ended$/);
  await Promise.all([owner.context.close(), thief.close()]);
});

test("the sessions page lists every signed-in browser and signs out the others", async ({
  browser,
}) => {
  // Alice, so that sessions other tests left for the demo user do not count.
  const laptop = await signedInPage(browser, ALICE);
  await laptop.page.goto("/dashboard");
  await laptop.page.getByRole("link", { name: "Your sessions" }).click();
  await expect(laptop.page).toHaveURL(/\/dashboard\/sessions$/);
  const signOutOthers = async () => {
    await laptop.page.getByTestId("sign-out-others").click();
    await laptop.page.getByTestId("confirm-sign-out-others").click();
  };
  if (await laptop.page.getByTestId("sign-out-others").count()) await signOutOthers();
  await expect(laptop.page.getByTestId("session-row")).toHaveCount(1);

  const phone = await signedInPage(browser, ALICE);
  await laptop.page.reload();
  await expect(laptop.page.getByTestId("session-row")).toHaveCount(2);
  await expect(laptop.page.getByTestId("current-session")).toHaveCount(1);

  // Browser, OS and device instead of the raw user agent.
  await expect(laptop.page.getByTestId("session-browser").first()).toHaveText(
    /^Chrome \d+ on (Windows|Linux|macOS)/,
  );
  await signOutOthers();
  await expect(laptop.page.getByTestId("session-row")).toHaveCount(1);

  await phone.page.goto("/dashboard");
  await expect(phone.page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard&reason=session-ended$/);
  await laptop.page.goto("/dashboard");
  await expect(laptop.page.getByTestId("user-name")).toBeVisible();
  await Promise.all([laptop.context.close(), phone.context.close()]);
});
