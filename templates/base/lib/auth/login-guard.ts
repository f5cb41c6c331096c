import "server-only";
import { env } from "../env";
import { memoryLoginAttemptStore } from "./login-attempts";
import { clientAddress, LoginThrottle, type AttemptKeys } from "./login-throttle";
import { sessionStorage } from "./storage/session-storage";

let throttle: LoginThrottle | undefined;

/**
 * This process's login throttle, configured from the environment. It counts in
 * the session storage's store when it has one (`loginAttempts`), else in this
 * process's memory (see `memoryLoginAttemptStore`).
 */
export function loginThrottle(): LoginThrottle {
  if (!throttle) {
    const e = env();
    const policy = (freeFailures: number) => ({
      freeFailures,
      baseDelayMs: e.LOGIN_LOCKOUT_SECONDS * 1000,
      maxDelayMs: 15 * 60 * 1000,
    });
    throttle = new LoginThrottle(sessionStorage.loginAttempts ?? memoryLoginAttemptStore(), {
      username: policy(e.LOGIN_MAX_FAILURES),
      address: policy(e.LOGIN_MAX_FAILURES_PER_ADDRESS),
    });
  }
  return throttle;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The throttle keys of a sign-in attempt: its username, and its address behind `TRUST_PROXY` proxies. */
export function attemptKeys(username: string, headers: HeaderSource): AttemptKeys {
  return {
    username: username.trim(),
    address: clientAddress(header(headers, "x-forwarded-for"), env().TRUST_PROXY),
  };
}

/**
 * The answer to a credentials sign-in that must wait: 429 with `Retry-After`,
 * and a body `signIn()` of next-auth/react understands (its `error` becomes
 * "throttled", which the login page explains). `null` when the attempt may go on.
 */
export async function throttledSignIn(request: Request): Promise<Response | null> {
  let username = "";
  try {
    username = String((await request.clone().formData()).get("username") ?? "");
  } catch {
    return null; // Not a form: next-auth refuses it on its own.
  }
  const verdict = await loginThrottle().check(attemptKeys(username, request.headers));
  if (verdict.allowed) return null;
  const url = new URL("/login", env().NEXTAUTH_URL);
  url.searchParams.set("error", "throttled");
  return Response.json(
    { url: url.toString() },
    {
      status: 429,
      headers: { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}
