// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import {
  readSignInResponse,
  type SignInOutcome,
} from "@/lib/next-jwt-auth/sign-in/sign-in-outcome";

export interface Credentials {
  username: string;
  password: string;
  /** Already sanitised: a same-origin relative path. */
  callbackUrl: string;
}

export type CredentialsSignInResult =
  { ok: true } | { ok: false; code: string; retryAfterSeconds?: number };

async function csrfToken(fetchFn: typeof fetch): Promise<string> {
  const response = await fetchFn("/api/auth/csrf", {
    credentials: "same-origin",
    cache: "no-store",
  });
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string") throw new Error("no CSRF token");
  return body.csrfToken;
}

async function attempt(credentials: Credentials, fetchFn: typeof fetch): Promise<SignInOutcome> {
  const response = await fetchFn("/api/auth/callback/credentials", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      username: credentials.username,
      password: credentials.password,
      callbackUrl: credentials.callbackUrl,
      csrfToken: await csrfToken(fetchFn),
      json: "true",
    }),
  });
  return readSignInResponse(response);
}

/**
 * Sign in from the browser, as next-auth/react's `signIn()` does, but reading
 * the whole answer: the status and `Retry-After` of a throttled attempt, and a
 * refused CSRF token (the first attempt right after the page loads can meet
 * one), which is retried once with a fresh token and otherwise reported as a
 * failure, never taken for a success. Network errors reject.
 */
export async function signInWithCredentials(
  credentials: Credentials,
  fetchFn: typeof fetch = fetch,
): Promise<CredentialsSignInResult> {
  for (let tries = 0; tries < 2; tries += 1) {
    const outcome = await attempt(credentials, fetchFn);
    if (outcome.kind === "signed-in") return { ok: true };
    if (outcome.kind === "failed") {
      return {
        ok: false,
        code: outcome.code,
        ...(outcome.retryAfterSeconds ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
      };
    }
  }
  return { ok: false, code: "sign_in_failed" };
}
