import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eDatabaseEnv } from "./database";
import { DEMO, resetMock, seconds, type MockStats } from "./helpers";
import { APP_PORT, E2E_ACCESS_TTL, EXTERNAL_BACKEND, MOCK_PORT } from "./settings";

/**
 * Two `next start` processes of this app share one session database (the
 * one `e2eDatabaseEnv` names): a burst of requests spread
 * over both after the access token expired must cause exactly one refresh at
 * the backend, and every request must succeed.
 */
const PORTS = [APP_PORT + 1, APP_PORT + 2];
// An own mock with a longer access-token lifetime than the shared one, so the
// burst ends long before the new token needs refreshing in its turn. With
// E2E_BACKEND_URL the suite's backend (and its lifetimes) are used instead.
const MOCK = EXTERNAL_BACKEND ?? `http://127.0.0.1:${MOCK_PORT + 1}`;
const ACCESS_TTL = EXTERNAL_BACKEND ? E2E_ACCESS_TTL : 20;
const SECRET = randomBytes(32).toString("base64url");
const servers: ChildProcess[] = [];

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await seconds(0.2);
  }
  throw new Error(`${url} did not come up`);
}

test.beforeAll(async () => {
  if (EXTERNAL_BACKEND) {
    await resetMock();
  } else {
    servers.push(
      spawn("node_modules/.bin/tsx", ["mock/main.ts"], {
        env: {
          ...process.env,
          MOCK_PORT: String(MOCK_PORT + 1),
          MOCK_ACCESS_TTL: String(ACCESS_TTL),
        },
        stdio: "ignore",
      }),
    );
  }
  await waitUntilUp(`${MOCK}/__mock/stats`);
  for (const port of PORTS) {
    const server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "--port", String(port)],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          NEXTAUTH_URL: `http://localhost:${PORTS[0]}`,
          NEXTAUTH_SECRET: SECRET,
          BACKEND_URL: MOCK,
          ...e2eDatabaseEnv(),
        },
        stdio: "ignore",
      },
    );
    servers.push(server);
  }
  await Promise.all(PORTS.map((port) => waitUntilUp(`http://localhost:${port}/login`)));
});

test.afterAll(() => {
  for (const server of servers) server.kill();
});

async function mockStats(): Promise<MockStats> {
  return (await fetch(`${MOCK}/__mock/stats`)).json() as Promise<MockStats>;
}

/** Sign in over HTTP at the first instance; returns the Cookie header of the session. */
async function signInOverHttp(): Promise<string> {
  const base = `http://localhost:${PORTS[0]}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, ...DEMO, json: "true" }),
  });
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.includes("session-token="));
  expect(session).toHaveLength(1);
  return session[0]!;
}

test("50 requests over two instances after expiry cause one backend refresh and all succeed", async () => {
  test.setTimeout(120_000);
  const cookie = await signInOverHttp();
  const page = await fetch(`http://localhost:${PORTS[1]}/dashboard`, {
    headers: { cookie },
    redirect: "manual",
  });
  expect(page.status).toBe(200);

  for (let round = 1; round <= 2; round++) {
    await seconds(ACCESS_TTL + 1);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`http://localhost:${PORTS[i % 2]}/dashboard`, {
          headers: { cookie },
          redirect: "manual",
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array.from({ length: 50 }, () => 200));
    // The second round only works if the row kept the newest refresh token.
    expect(await mockStats()).toMatchObject({
      refreshes: round,
      rejectedRefreshes: 0,
      reusedRefreshes: 0,
    });
  }
});
