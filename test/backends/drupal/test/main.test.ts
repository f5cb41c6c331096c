import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** What CI runs: tsc's output under plain Node. */
beforeAll(() => {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}, 60_000);

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: root,
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}`)));
  });
  return { child, line };
}

describe("node dist/main.js", () => {
  it.each(["6", "5"])(
    "with SIMPLE_OAUTH_VERSION=%s prints the listening line, signs in with short TTLs and stops on SIGTERM",
    async (version) => {
      const { child, line } = start({ ACCESS_TTL: "10", REFRESH_TTL: "30", SIMPLE_OAUTH_VERSION: version });
      const first = await line;
      expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const base = first.replace("listening on ", "");
      const response = await fetch(`${base}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=password&client_id=next-app&client_secret=next-app-secret&username=demo&password=demo-password",
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { expires_in: number }).expires_in).toBe(10);
      const wrong = await fetch(`${base}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "grant_type=password&client_id=next-app&client_secret=next-app-secret&username=demo&password=x",
      });
      const body = (await wrong.json()) as Record<string, unknown>;
      expect("message" in body).toBe(version === "5");
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    },
  );
});
