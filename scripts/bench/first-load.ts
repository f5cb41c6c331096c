/**
 * First-load JavaScript of a page, measured where it matters: in Chromium,
 * with the HTTP cache off, summing every script response of the page load.
 * (Next.js 16's build output no longer prints per-route sizes.)
 */
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export interface PageLoad {
  scripts: number;
  transferBytes: number;
  decodedBytes: number;
}

/** Debian's Chromium: Playwright's own browser download is unreachable here. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
}

/**
 * Load `url` in a new context, after `prepare` (e.g. signing in through the
 * login form, as a user would); the measured load runs on its own page with
 * the cache disabled, so nothing `prepare` fetched is reused.
 */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<PageLoad> {
  const context = await browser.newContext();
  try {
    if (prepare) await prepare(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const pending: Promise<{ transfer: number; decoded: number }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        Promise.all([response.request().sizes(), response.body()]).then(([sizes, body]) => ({
          transfer: sizes.responseBodySize,
          decoded: body.length,
        })),
      );
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname) {
      throw new Error(`${url} ended at ${page.url()}: not the page that was to be measured`);
    }
    const sizes = await Promise.all(pending);
    if (sizes.length === 0) throw new Error(`${url} loaded no scripts: nothing was measured`);
    return {
      scripts: sizes.length,
      transferBytes: sizes.reduce((sum, s) => sum + s.transfer, 0),
      decodedBytes: sizes.reduce((sum, s) => sum + s.decoded, 0),
    };
  } finally {
    await context.close();
  }
}

/** Sign in through the app's login form; resolves on the dashboard. */
export function signInThroughForm(appUrl: string, username: string, password: string) {
  return async (context: BrowserContext): Promise<void> => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/login`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    await page.close();
  };
}
