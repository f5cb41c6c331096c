import { spawn, type ChildProcess } from "node:child_process";
import { connect, type Socket } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const MAIN = join(ROOT, "dist", "main.js");

export const DEMO = { username: "demo", password: "demo-password" } as const;
export const ALICE = { username: "alice", password: "alice-password" } as const;

export interface Backend {
  url: string;
  /** Everything the process printed (stdout and stderr). */
  output: () => string;
  stop: () => Promise<number | null>;
}

/** `node dist/main.js` on a port the OS picks; resolves once it printed its startup line. */
export function startBackend(env: Record<string, string> = {}): Promise<Backend> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ACCESS_TTL: "60", REFRESH_TTL: "600", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`backend did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output, stop: () => stop(child) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function call(
  url: string,
  init: { method?: string; bearer?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json", ...init.headers };
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export interface Pair {
  access_token: string;
  refresh_token: string;
}

/** A client of one backend: the protocol's calls plus the test-control endpoints. */
export function client(base: string) {
  return {
    login: (body: unknown) => call(`${base}/auth/login`, { method: "POST", json: body }),
    async signIn(user: { username: string; password: string } = DEMO): Promise<Pair> {
      const answer = await call(`${base}/auth/login`, { method: "POST", json: user });
      if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
      return answer.body as Pair;
    },
    refresh: (token: string) => call(`${base}/auth/refresh`, { method: "POST", bearer: token }),
    profile: (token?: string) =>
      call(`${base}/auth/profile`, token === undefined ? {} : { bearer: token }),
    items: (token?: string) => call(`${base}/api/items`, token === undefined ? {} : { bearer: token }),
    logout: (token: string) => call(`${base}/auth/logout`, { method: "POST", bearer: token }),
    stats: async () => (await call(`${base}/__mock/stats`)).body as Record<string, number>,
    reset: () => call(`${base}/__mock/reset`, { method: "POST" }),
  };
}

/** A JWT's payload, without checking anything. */
export function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));
}

export function header(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString("utf8"));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ZERO_STATS = {
  logins: 0,
  failedLogins: 0,
  refreshes: 0,
  rejectedRefreshes: 0,
  reusedRefreshes: 0,
  resourceCalls: 0,
  rejectedResourceCalls: 0,
  logouts: 0,
};

/**
 * Send the same POST over `count` already-open connections in one tick, so that the
 * requests reach the server together (fetch would open the connections one after another).
 * Resolves to the status codes.
 */
export async function simultaneousPosts(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<number[]> {
  const { hostname, port, pathname } = new URL(url);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => resolve(socket));
          socket.once("error", reject);
        }),
    ),
  );
  const lines = [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    "Connection: close",
    "Content-Length: 0",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const request = `${lines.join("\r\n")}\r\n\r\n`;
  const answers = sockets.map(
    (socket) =>
      new Promise<number>((resolve, reject) => {
        let raw = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => (raw += chunk));
        socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? NaN)));
        socket.on("error", reject);
      }),
  );
  for (const socket of sockets) socket.write(request);
  return Promise.all(answers);
}
