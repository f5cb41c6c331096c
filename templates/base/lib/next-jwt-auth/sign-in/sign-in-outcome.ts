// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * What an answer of next-auth's credentials callback (`POST
 * /api/auth/callback/credentials` with `json=true`) means. Shared by the
 * browser's sign-in (`lib/next-jwt-auth/client/credentials-sign-in.ts`) and the server's
 * (`server-sign-in.ts`), so both read an answer the same way.
 */
export type SignInOutcome =
  | { kind: "signed-in" }
  /** next-auth refused the CSRF token: worth one retry with a fresh token. */
  | { kind: "csrf-refused" }
  | { kind: "failed"; code: string; retryAfterSeconds?: number };

/** The parts of a callback answer that carry its meaning. */
export interface CallbackAnswer {
  status: number;
  retryAfter: string | null;
  /** The `url` of the JSON body, when there is one. */
  url: string | undefined;
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  const seconds = Number(value.trim());
  return seconds > 0 ? seconds : undefined;
}

/**
 * Read a callback answer. A `200` is only a success when its `url` carries
 * neither `error` nor `csrf=true`: next-auth answers a refused CSRF token with
 * `200 {"url": ".../api/auth/signin?csrf=true"}`, which must not pass for a
 * sign-in (it did, and the login page sent the user on to a bounce).
 */
export function readSignInAnswer(answer: CallbackAnswer): SignInOutcome {
  if (answer.status === 429) {
    const wait = retryAfterSeconds(answer.retryAfter);
    return { kind: "failed", code: "throttled", ...(wait ? { retryAfterSeconds: wait } : {}) };
  }
  let url: URL | undefined;
  try {
    url = answer.url ? new URL(answer.url, "http://localhost") : undefined;
  } catch {
    url = undefined;
  }
  const error = url?.searchParams.get("error");
  if (error) return { kind: "failed", code: error };
  if (url?.searchParams.get("csrf") === "true") return { kind: "csrf-refused" };
  if (answer.status >= 200 && answer.status < 300 && url) return { kind: "signed-in" };
  return { kind: "failed", code: answer.status === 503 ? "backend_unavailable" : "sign_in_failed" };
}

/**
 * Read a callback `Response` as `readSignInAnswer` does: its status, its
 * `Retry-After` and the `url` of its JSON body. A body that is not JSON, or
 * has no string `url`, reads as having none. Both sign-ins call this, so they
 * cannot disagree about an answer.
 */
export async function readSignInResponse(response: Response): Promise<SignInOutcome> {
  let url: string | undefined;
  try {
    const body = (await response.json()) as { url?: unknown } | null;
    url = typeof body?.url === "string" ? body.url : undefined;
  } catch {
    url = undefined;
  }
  return readSignInAnswer({
    status: response.status,
    retryAfter: response.headers.get("Retry-After"),
    url,
  });
}
