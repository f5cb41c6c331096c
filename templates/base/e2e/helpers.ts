import { expect, type Page } from "@playwright/test";
import type { MockStats } from "../mock/kit/token-store";
import { BACKEND_UNDER_TEST } from "./settings";

/** Has the role `admin` (every backend under test gives it): may open `/admin`. */
export const DEMO = { username: "demo", password: "demo-password" };
/** Has no `admin` role: `/admin` answers her with the 403 page. */
export const ALICE = { username: "alice", password: "alice-password" };

/** The counters every backend under test keeps (`GET /__mock/stats`), as the built-in mock declares them. */
export type { MockStats };

export async function mockStats(): Promise<MockStats> {
  const response = await fetch(`${BACKEND_UNDER_TEST}/__mock/stats`);
  return (await response.json()) as MockStats;
}

/** Forget every token and zero the counters: each test starts from a clean backend. */
export async function resetMock(): Promise<void> {
  const response = await fetch(`${BACKEND_UNDER_TEST}/__mock/reset`, { method: "POST" });
  expect(response.ok).toBe(true);
}

export async function signIn(page: Page, user = DEMO): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
}

/**
 * The demo resource path of this app's backend style, as the dashboard shows it,
 * so the same specs run against every style.
 */
export async function demoResourcePath(page: Page): Promise<string> {
  const path = await page.getByTestId("proxy-demo").getAttribute("data-proxy-path");
  expect(path).toBeTruthy();
  return path!;
}

/** Call the backend proxy from the page, `count` times in parallel; resolves to the statuses. */
export async function proxyFromPage(page: Page, path: string, count = 1): Promise<number[]> {
  return page.evaluate(
    async ({ path, count }) => {
      const responses = await Promise.all(
        Array.from({ length: count }, () =>
          fetch(`/api/proxy/${path}`, { headers: { accept: "application/json" } }),
        ),
      );
      return responses.map((r) => r.status);
    },
    { path, count },
  );
}

export function seconds(n: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, n * 1000));
}
