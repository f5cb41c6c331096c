import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Where the review screenshots go (kept with the other test results, never compared). */
const SCREENSHOTS = "test-results/screenshots";

/** The width of a small phone: the layout must work (and is photographed) there. */
const PHONE = { width: 390, height: 844 };

/**
 * Check the page as it stands in light and in dark mode with axe (every
 * rule axe runs by default: WCAG 2.x A/AA and best practices) and expect no
 * violation; photograph it in light, dark and at phone width for review.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
    expect(summary, `axe violations on ${name} (${colorScheme})`).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-390px.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}
