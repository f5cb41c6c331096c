import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MAIN, ROOT, startBackend } from "./helpers";

describe("node dist/main.js", () => {
  it("prints exactly one line, listening on http://127.0.0.1:<port>, and stops on SIGTERM", async () => {
    const backend = await startBackend();
    expect(backend.output()).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const response = await fetch(`${backend.url}/__mock/stats`);
    expect(response.status).toBe(200);
    expect(await backend.stop()).toBe(0);
  });

  it("listens on the PORT it is given", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const backend = await startBackend({ PORT: String(port) });
    try {
      expect(backend.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await backend.stop();
    }
  });

  it.each([
    ["ACCESS_TTL", "ten"],
    ["REFRESH_TTL", "0"],
    ["ACCESS_TTL", "1.5"],
    ["PORT", "70000"],
  ])("refuses to start with %s=%s", (name, value) => {
    const result = spawnSync(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", [name]: value },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(name);
    expect(result.stdout).not.toContain("listening on");
  });
});
