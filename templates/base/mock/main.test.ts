import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

/**
 * `tsx mock/main.ts` as `npm run mock` starts it, in a clean environment (no
 * `.env.local` of the developer's: `cwd` is the app, so the test passes the
 * variables it needs, which win over the files).
 */
function startMock(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "mock/main.ts"], {
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      MOCK_PORT: String(port),
      MOCK_ACCESS_TTL: "60",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const running: { kill: () => void }[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.kill();
});

/** A port nothing listens on right now (MOCK_PORT must be a real port, not 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

async function takenPort(): Promise<Server> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  running.push({ kill: () => server.close() });
  return server;
}

describe("the mock backend's start-up", () => {
  it("prints one line without its own [mock] prefix (npm run dev adds one) when it listens", async () => {
    const mock = startMock(await freePort());
    running.push({ kill: () => mock.child.kill() });
    await new Promise<void>((resolve, reject) => {
      mock.child.stdout.on("data", () => {
        if (mock.output().stdout.includes("\n")) resolve();
      });
      void mock.exited.then((code) =>
        reject(new Error(`mock exited ${code}: ${mock.output().stderr}`)),
      );
    });
    const [line] = mock.output().stdout.split("\n");
    expect(line).toMatch(/^mock backend listening on http:\/\/127\.0\.0\.1:\d+$/);
  }, 30_000);

  it("says in one line which variable to change when its port is taken, and exits 1", async () => {
    const taken = await takenPort();
    const port = (taken.address() as AddressInfo).port;
    const mock = startMock(port);
    expect(await mock.exited).toBe(1);
    const { stdout, stderr } = mock.output();
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringContaining(`port ${port} is already in use: set MOCK_PORT`),
    ]);
  }, 30_000);
});
