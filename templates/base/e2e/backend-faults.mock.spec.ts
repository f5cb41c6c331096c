import { expect, test, type Page } from "@playwright/test";
import { demoResourcePath, mockStats, proxyFromPage, resetMock, seconds, signIn } from "./helpers";
import { E2E_ACCESS_TTL, MOCK_PORT } from "./settings";

/**
 * Backend misbehaviour, switched on through the built-in mock's
 * `POST /__mock/faults`. The independent backends of `E2E_BACKEND_URL` have no
 * such control (test/backends/README.md), so playwright.config.ts leaves
 * `*.mock.spec.ts` out when the suite runs against one of them.
 */
const MOCK = `http://127.0.0.1:${MOCK_PORT}`;
/** Long enough for a second request to join the first one's refresh, short enough to stay within the refresh token's 30 s. */
const OUTAGE_DELAY_MS = 1_000;

async function setFaults(faults: object): Promise<void> {
  const response = await fetch(`${MOCK}/__mock/faults`, {
    method: "POST",
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(204);
}

/** Resolves once the mock is holding a refresh of the outage, i.e. a refresh is in flight. */
async function refreshInFlight(): Promise<void> {
  await expect
    .poll(
      async () => {
        const state = (await (await fetch(`${MOCK}/__mock/faults`)).json()) as {
          heldRefreshes: number;
        };
        return state.heldRefreshes;
      },
      { intervals: [50] },
    )
    .toBeGreaterThan(0);
}

/** A second tab of the same browser (same cookies), for a proxy call beside a page load. */
async function secondTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto("/");
  return tab;
}

test.beforeEach(async () => {
  await resetMock();
});

for (const first of ["page load", "proxy call"] as const) {
  test(`a refresh outage overlapping a page load and a proxy call (${first} first) keeps the session, and the next call after recovery uses rotated tokens`, async ({
    page,
  }) => {
    await signIn(page);
    const path = await demoResourcePath(page);
    const tab = await secondTab(page);
    // The access token has expired: both requests need a refresh, and the backend's refresh is down.
    await seconds(E2E_ACCESS_TTL + 1);
    await setFaults({ refresh: { status: 503, delayMs: OUTAGE_DELAY_MS } });

    let navigation: Promise<unknown>;
    let proxyCall: Promise<number[]>;
    if (first === "page load") {
      navigation = page.goto("/dashboard");
      await refreshInFlight();
      proxyCall = proxyFromPage(tab, path);
    } else {
      proxyCall = proxyFromPage(tab, path);
      await refreshInFlight();
      navigation = page.goto("/dashboard");
    }
    await navigation;

    // An outage is not a sign-out: no 401 session_expired, no redirect to /login.
    const [status] = await proxyCall;
    expect([502, 503, 504]).toContain(status);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText("The backend cannot be reached right now.")).toBeVisible();
    await expect(page.getByTestId("proxy-status")).toHaveText(/^50[234]$/);

    // The backend is back: a call refreshes once, with the refresh token the
    // session still holds (a storage may remember the outage for a second).
    await setFaults({});
    await expect
      .poll(async () => (await proxyFromPage(tab, path))[0], { intervals: [500] })
      .toBe(200);
    expect(await mockStats()).toMatchObject({
      refreshes: 1,
      rejectedRefreshes: 0,
      reusedRefreshes: 0,
    });
    await page.reload();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("server-items").getByRole("listitem").first()).toBeVisible();
  });
}

test("a resource that answers 401 to a good token gets its 401 in the browser, and the user stays signed in", async ({
  page,
}) => {
  await signIn(page);
  const path = await demoResourcePath(page);
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  await setFaults({ unauthorizedPaths: [`/${path}`] });

  await page.getByRole("button", { name: "Reload via proxy" }).click();
  await expect(page.getByTestId("proxy-status")).toHaveText("401");
  // One refresh ruled out a stale token; the identity check then accepted the fresh one.
  expect((await mockStats()).refreshes).toBe(1);

  await setFaults({});
  await page.getByRole("button", { name: "Reload via proxy" }).click();
  await expect(page.getByTestId("proxy-status")).toHaveText("200");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("server-items").getByRole("listitem").first()).toBeVisible();
});
