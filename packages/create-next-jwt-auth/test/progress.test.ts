import { describe, expect, it, vi } from "vitest";
import { MemoryOutput } from "../src/io.js";
import { installDependencies } from "../src/install.js";
import { startProgress } from "../src/progress.js";
import { fakeExec, ok } from "./helpers.js";

describe("startProgress", () => {
  it("animates on a terminal and clears its line when stopped", () => {
    vi.useFakeTimers();
    const out = new MemoryOutput(true);
    const progress = startProgress(out, "Installing");
    vi.advanceTimersByTime(350);
    progress.stop();
    vi.useRealTimers();
    expect(out.text.match(/\r\u001b\[2K[⠋⠙⠹⠸] Installing \d+s/g)?.length).toBeGreaterThanOrEqual(3);
    expect(out.text.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("prints plain lines without a terminal: one now, one every 30 s", () => {
    vi.useFakeTimers();
    const out = new MemoryOutput(false);
    let now = 0;
    const progress = startProgress(out, "Installing", () => now);
    now = 60_000;
    vi.advanceTimersByTime(60_000);
    progress.stop();
    vi.advanceTimersByTime(60_000);
    vi.useRealTimers();
    expect(out.text).toBe("Installing…\n  still running (60s)\n  still running (60s)\n");
    expect(out.text).not.toContain("\r");
  });
});

describe("installDependencies", () => {
  it("stops the progress indicator when the install ends", async () => {
    const out = new MemoryOutput(true);
    const { exec } = fakeExec(() => ok());
    const result = await installDependencies({ dir: "/x", packageManager: "npm", exec, out });
    expect(result.ok).toBe(true);
    expect(out.text.endsWith("\r\u001b[2K")).toBe(true);
  });
});
