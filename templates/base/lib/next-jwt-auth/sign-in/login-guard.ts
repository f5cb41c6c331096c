// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import "server-only";
import { env } from "@/lib/next-jwt-auth/config/env";
import { memoryLoginAttemptStore } from "./login-attempts";
import { clientAddress, LoginThrottle, type AttemptKeys } from "./login-throttle";
import { withSignInAttempt, type SignInAttempt } from "./sign-in-attempt";
import { isStorageOutage } from "@/lib/next-jwt-auth/storage/outage";
import { sessionStorage } from "@/lib/next-jwt-auth/storage/session-storage";

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

/**
 * The throttle keys of a sign-in attempt: its username (the throttle folds
 * its spellings, see `throttleUsername`), and its address behind `TRUST_PROXY` proxies.
 */
export function attemptKeys(username: string, headers: HeaderSource): AttemptKeys {
  return {
    username,
    address: clientAddress(header(headers, "x-forwarded-for"), env().TRUST_PROXY),
  };
}

/**
 * Is this the body next-auth v4 reads as a form? Its route handler parses
 * `application/json` first, by substring, then the form type, also by
 * substring, and ignores any other body. Only a header that is the form type
 * and that next-auth also reads as a form is let through, so the throttle and
 * `authorize` always read the same fields from the same bytes.
 */
export function isFormSignInBody(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return (
    mediaType === "application/x-www-form-urlencoded" &&
    contentType.includes("application/x-www-form-urlencoded") &&
    !contentType.includes("application/json")
  );
}

/**
 * The fields of a form body as next-auth reads them (`Object.fromEntries`, so
 * of a repeated field the last one counts, as in `authorize`).
 */
async function formFields(request: Request): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await request.clone().text()));
}

/**
 * Handle one credentials sign-in (`POST /api/auth/callback/credentials`):
 * `run` is next-auth. A body next-auth would read other than as this form is
 * refused with 415 (the app's own `signIn()` always sends a form). Otherwise
 * the attempt is counted in the throttle before `run` may ask the backend —
 * 429 with `Retry-After` when its username or address must wait — and
 * settled by what `authorize` reported (see `sign-in-attempt.ts`).
 */
export async function guardedCredentialsSignIn(
  request: Request,
  run: () => Promise<Response>,
): Promise<Response> {
  if (!isFormSignInBody(request.headers.get("content-type"))) return unsupportedBody();
  const fields = await formFields(request);
  const username = fields.username ?? "";
  // `authorize` answers these itself, without the backend: nothing to count.
  if (!username.trim() || !fields.password) return run();
  const throttle = loginThrottle();
  const verdict = await throttle.reserve(attemptKeys(username, request.headers));
  if (!verdict.allowed) return throttled(verdict.retryAfterSeconds);
  const attempt: SignInAttempt = { username, outcome: "void" };
  try {
    return await withSignInAttempt(attempt, run);
  } finally {
    await throttle.settle(verdict.ticket, attempt.outcome).catch((error: unknown) => {
      // The attempt stays counted: the throttle errs on the side of waiting.
      if (!isStorageOutage(error))
        console.error("[auth] settling a sign-in attempt failed:", error);
    });
  }
}

/** 429 in a shape `signIn()` of next-auth/react understands: its `error` becomes "throttled". */
function throttled(retryAfterSeconds: number): Response {
  const url = new URL("/login", env().NEXTAUTH_URL);
  url.searchParams.set("error", "throttled");
  return Response.json(
    { url: url.toString() },
    {
      status: 429,
      headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}

function unsupportedBody(): Response {
  return Response.json(
    { error: "unsupported_media_type" },
    {
      status: 415,
      headers: { "Accept-Post": "application/x-www-form-urlencoded", "Cache-Control": "no-store" },
    },
  );
}
