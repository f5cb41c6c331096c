/**
 * How long a refused sign-in takes for a wrong password and for an unknown
 * user, through a built generated app against an independent backend, with
 * the app's failure floor off (LOGIN_FAILURE_MIN_MS=0) and at its default.
 * Medians of interleaved runs and their ratio, in one process run, because
 * these machines are noisy.
 *
 * Not part of `npm run bench` (it needs a built app of the backend style under
 * test; CI's apps are kept in $TMPDIR/cnja-ci):
 *
 *   tsx scripts/bench/login-timing.ts <built app dir> <backend variant> [rounds]
 *   tsx scripts/bench/login-timing.ts $TMPDIR/cnja-ci/nestjs-jwt nestjs 31
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { startBuiltApp } from "../built-app.js";
import { BACKEND_VARIANTS, resetBackend, startBackend, type BackendVariantName } from "../independent-backends.js";
import { LOG_DIR } from "./services.js";
import { median } from "./stats.js";

/** One refused sign-in over HTTP; resolves to its duration in ms (CSRF fetch excluded). */
async function refusedSignIn(app: string, username: string): Promise<number> {
  const csrf = await fetch(`${app}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = performance.now();
  const response = await fetch(`${app}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, username, password: "not-the-password", json: "true" }),
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!body.includes("CredentialsSignin")) throw new Error(`expected a refused sign-in, got ${response.status} ${body}`);
  return elapsed;
}

async function measure(appDir: string, variant: BackendVariantName, floorMs: string, rounds: number) {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = join(LOG_DIR, `login-${variant}.log`);
  const backend = await startBackend(variant, { port: 4790, accessTtl: 300, refreshTtl: 3600, log });
  try {
    const app = await startBuiltApp(appDir, {
      port: 3790,
      env: {
        ...BACKEND_VARIANTS[variant].appEnv(),
        BACKEND_URL: backend.url,
        LOGIN_FAILURE_MIN_MS: floorMs,
        // The throttle would answer 429 long before the rounds are done.
        LOGIN_MAX_FAILURES: "1000000",
        LOGIN_MAX_FAILURES_PER_ADDRESS: "1000000",
      },
      log,
    });
    try {
      for (let i = 0; i < 3; i++) await refusedSignIn(app.url, "demo"); // warm-up: compile, JIT, pools
      const wrongPassword: number[] = [];
      const unknownUser: number[] = [];
      for (let i = 0; i < rounds; i++) {
        // Untimed: forget the backend's own flood counters (Drupal blocks a user after 5 failures).
        await resetBackend(backend.url);
        // Interleaved, order alternating, so drift hits both alike.
        const pair = [
          async () => wrongPassword.push(await refusedSignIn(app.url, "demo")),
          async () => unknownUser.push(await refusedSignIn(app.url, `nobody-${i}`)),
        ];
        if (i % 2) pair.reverse();
        for (const run of pair) await run();
      }
      return { wrong: median(wrongPassword), unknown: median(unknownUser) };
    } finally {
      await app.stop();
    }
  } finally {
    await backend.stop();
  }
}

const [appDirArg, variantArg, roundsArg] = process.argv.slice(2);
if (!appDirArg || !variantArg || !(variantArg in BACKEND_VARIANTS)) {
  console.error(`usage: login-timing.ts <built app dir> <${Object.keys(BACKEND_VARIANTS).join("|")}> [rounds]`);
  process.exit(2);
}
const rounds = Number(roundsArg ?? 21);
console.log(`refused sign-ins through ${appDirArg} against ${variantArg}, ${rounds} interleaved rounds, medians`);
console.log("floor          wrong password   unknown user   unknown / wrong");
for (const floor of ["0", "400"]) {
  const { wrong, unknown } = await measure(resolve(appDirArg), variantArg as BackendVariantName, floor, rounds);
  console.log(
    `${`${floor} ms`.padEnd(15)}${`${wrong.toFixed(1)} ms`.padEnd(17)}${`${unknown.toFixed(1)} ms`.padEnd(15)}${(unknown / wrong).toFixed(2)}`,
  );
}
