/**
 * The full session flow of a running generated app, scripted over plain HTTP
 * the way any client (or attacker) sees it, against a backend that counts what
 * it was asked (`GET /__mock/stats`, see test/backends/README.md):
 *
 *  1. sign in through next-auth's credentials endpoint, with its CSRF token;
 *  2. call the backend proxy;
 *  3. let the access token expire, fire 20 parallel proxy calls with the same
 *     cookie → all succeed, exactly one refresh at the backend, no refresh
 *     token sent twice;
 *  4. the rotated cookie works without another refresh;
 *  5. let the refresh token expire → the proxy answers 401 with the JSON the
 *     client hook understands, `/api/auth/session` is empty, never a 500.
 *
 *   tsx scripts/flow-check.ts <app url> <backend url> <proxy path> <access ttl> <refresh ttl>
 */

import { CookieJar, proxyHeaders, signIn } from "./http-session.js";
import { backendStats, resetBackend } from "./independent-backends.js";

export interface FlowOptions {
  appUrl: string;
  backendUrl: string;
  /** The demo resource under the proxy, e.g. `api/items`. */
  proxyPath: string;
  /** Seconds, as the backend was started with. */
  accessTtl: number;
  refreshTtl: number;
  /** Progress lines; `console.log` by default. */
  log?: (line: string) => void;
}

/** Thrown when the app does not behave; the message says which step and what was seen. */
export class FlowError extends Error {
  override readonly name = "FlowError";
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new FlowError(message);
}

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

/** Run the flow; resolves with the lines it logged, throws `FlowError` at the first deviation. */
export async function flowCheck(options: FlowOptions): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    (options.log ?? console.log)(line);
  };
  const app = options.appUrl.replace(/\/+$/, "");
  const jar = new CookieJar();
  const proxy = () =>
    fetch(`${app}/api/proxy/${options.proxyPath}`, {
      headers: proxyHeaders(jar),
      redirect: "manual",
    });

  await resetBackend(options.backendUrl);

  // 1. Sign in with next-auth's CSRF double-submit token.
  const login = await signIn(app, jar, "demo", "demo-password");
  check(login.status === 200, `sign-in answered ${login.status}: ${await login.text()}`);
  check(jar.sessionCookies().length > 0, "sign-in set no session cookie");
  check((await backendStats(options.backendUrl)).logins === 1, "the backend did not see exactly one login");
  log(`signed in (${jar.sessionCookies().join(", ")})`);

  // 2. The proxy works with the fresh access token.
  const first = await proxy();
  check(first.status === 200, `first proxy call answered ${first.status}: ${await first.text()}`);
  jar.update(first);
  log(`proxy ${options.proxyPath} → 200`);

  // 3. Expired access token, 20 parallel calls: one refresh, no reuse.
  await sleep(options.accessTtl + 1);
  const burst = await Promise.all(Array.from({ length: 20 }, () => proxy()));
  const statuses = burst.map((r) => r.status);
  check(
    statuses.every((s) => s === 200),
    `after expiry, 20 parallel calls answered ${statuses.join(",")}`,
  );
  for (const response of burst) jar.update(response);
  const afterBurst = await backendStats(options.backendUrl);
  check(
    afterBurst.refreshes === 1,
    `20 parallel calls caused ${afterBurst.refreshes} refreshes, not 1`,
  );
  check(afterBurst.reusedRefreshes === 0, `${afterBurst.reusedRefreshes} refresh tokens were reused`);
  check(afterBurst.rejectedRefreshes === 0, `${afterBurst.rejectedRefreshes} refreshes were refused`);
  log("20 parallel calls after expiry → all 200, exactly 1 refresh, 0 reused");

  // 4. The rotated session (new cookie in JWT mode, same row in db mode) needs no refresh.
  const again = await proxy();
  jar.update(again);
  check(again.status === 200, `the call after the burst answered ${again.status}`);
  check((await backendStats(options.backendUrl)).refreshes === 1, "the rotated session refreshed again");
  log("next call uses the rotated tokens → 200, still 1 refresh");

  // 5. Refresh token expired: the session ends cleanly.
  await sleep(options.refreshTtl + 1);
  const ended = await proxy();
  const body = await ended.text();
  check(ended.status === 401, `after the refresh token expired the proxy answered ${ended.status}: ${body}`);
  check(/"error"/.test(body), `the 401 has no JSON error for the client hook: ${body}`);
  jar.update(ended);
  const session = await fetch(`${app}/api/auth/session`, { headers: { cookie: jar.header() } });
  check(session.status === 200, `/api/auth/session answered ${session.status}`);
  const sessionBody = (await session.json()) as { user?: unknown; error?: unknown };
  check(!sessionBody.user || Boolean(sessionBody.error), `the session still looks live: ${JSON.stringify(sessionBody)}`);
  const final = await backendStats(options.backendUrl);
  check(final.reusedRefreshes === 0, `${final.reusedRefreshes} refresh tokens were reused`);
  log(`refresh token expired → proxy 401 ${body.trim()}, session over, 0 reused`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [appUrl, backendUrl, proxyPath, accessTtl, refreshTtl] = process.argv.slice(2);
  if (!appUrl || !backendUrl || !proxyPath || !accessTtl || !refreshTtl) {
    console.error("usage: flow-check.ts <app url> <backend url> <proxy path> <access ttl> <refresh ttl>");
    process.exit(2);
  }
  try {
    await flowCheck({ appUrl, backendUrl, proxyPath, accessTtl: Number(accessTtl), refreshTtl: Number(refreshTtl) });
    console.log("flow check passed");
  } catch (error) {
    console.error(error instanceof FlowError ? `flow check failed: ${error.message}` : error);
    process.exit(1);
  }
}
