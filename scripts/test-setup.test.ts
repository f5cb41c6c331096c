import { describe, expect, it } from "vitest";
import { chooseChromium, type ChromiumChoice, type ChromiumFacts } from "./test-setup.js";

const none: ChromiumFacts = { playwrightOwn: false, configured: undefined, system: undefined, root: false };

describe("chooseChromium", () => {
  const cases: [string, Partial<ChromiumFacts>, ChromiumChoice["use"], string?][] = [
    ["Playwright's own browser wins over everything else", { playwrightOwn: true, configured: "/opt/c", system: "/usr/bin/chromium", root: true }, "playwright"],
    ["CHROMIUM_PATH comes next when Playwright's cannot be had", { configured: "/opt/c", system: "/usr/bin/chromium" }, "path", "/opt/c"],
    ["the system's chromium comes after that", { system: "/usr/bin/chromium", root: true }, "path", "/usr/bin/chromium"],
    ["root with no browser at all installs the distribution's package", { root: true }, "apt"],
    ["anyone else with no browser gets a message saying how to provide one", {}, "none"],
  ];
  it.each(cases)("%s", (_name, facts, use, path) => {
    const choice = chooseChromium({ ...none, ...facts });
    expect(choice.use).toBe(use);
    if (choice.use === "path") expect(choice.path).toBe(path);
    if (choice.use === "none") expect(choice.message).toMatch(/CHROMIUM_PATH/);
  });
});
