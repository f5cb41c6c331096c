import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutGoogleFonts } from "./workspace.js";

function appWithLayout(layout: string): string {
  const dir = mkdtempSync(join(tmpdir(), "cnja-peer-"));
  mkdirSync(join(dir, "app"));
  writeFileSync(join(dir, "app/layout.tsx"), layout);
  return dir;
}

describe("withoutGoogleFonts", () => {
  it("drops only the Google font from create-next-app's layout", () => {
    const dir = mkdtempSync(join(tmpdir(), "cnja-peer-"));
    mkdirSync(join(dir, "app"));
    cpSync(join(import.meta.dirname, "fixtures/create-next-app-layout.tsx"), join(dir, "app/layout.tsx"));
    withoutGoogleFonts(dir);
    const layout = readFileSync(join(dir, "app/layout.tsx"), "utf8");
    expect(layout).not.toMatch(/next\/font|geist/i);
    expect(layout).toContain('import "./globals.css";');
    expect(layout).toContain('className={`h-full antialiased`}');
    expect(layout).toContain('<body className="min-h-full flex flex-col">{children}</body>');
  });

  it("refuses a layout it does not know instead of measuring something else", () => {
    const dir = appWithLayout('import { Inter } from "next/font/google";\nconst inter = Inter({});\n');
    expect(() => withoutGoogleFonts(dir)).toThrow("update withoutGoogleFonts");
  });
});
