import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/**
 * What CI runs: `node dist/main.js` as tsc emits it. Compiled here into a
 * git-ignored scratch folder inside the package (so `jose` resolves), then started for real.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
let outDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  mkdirSync(join(root, ".tmp"), { recursive: true });
  outDir = mkdtempSync(join(root, ".tmp", "dist-"));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [
    tsc,
    "-p",
    join(root, "tsconfig.build.json"),
    "--outDir",
    outDir,
  ]);
}, 60_000);

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(outDir, "main.js")], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe("node dist/main.js", () => {
  it.each([
    {
      flavor: "dummyjson",
      login: "/auth/login",
      body: { username: "demo", password: "demo-password" },
    },
    {
      flavor: "variant",
      login: "/identity/token",
      body: { login: "alice", secret: "alice-password" },
    },
  ])(
    "prints exactly the contract's startup line, serves the $flavor flavor, and exits 0 on SIGTERM",
    async ({ flavor, login, body }) => {
      const server = start({ PORT: "0", ACCESS_TTL: "10", REFRESH_TTL: "30", REST_FLAVOR: flavor });
      const url = await server.listening;
      const response = await fetch(url + login, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      expect(
        ((await (await fetch(`${url}/__mock/stats`)).json()) as { logins: number }).logins,
      ).toBe(1);
      // A keep-alive connection must not hold the shutdown open.
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(server.output().stdout).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    },
    30_000,
  );

  it.each([
    { env: { REST_FLAVOR: "graphql" }, problem: "REST_FLAVOR" },
    { env: { ACCESS_TTL: "soon" }, problem: "ACCESS_TTL" },
  ])("refuses to start with $env, naming $problem, exit code 1", async ({ env, problem }) => {
    const server = start({ PORT: "0", ...env });
    await expect(server.listening).rejects.toThrow(problem);
    expect(await server.exited).toBe(1);
  });
});
