// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { signInWithCredentials } from "./credentials-sign-in";

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers the CSRF endpoint with a new token each time and the callback from `answers`. */
function fakeFetch(answers: Answer[]) {
  const calls: { url: string; body?: URLSearchParams }[] = [];
  let tokens = 0;
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, ...(init?.body ? { body: init.body as URLSearchParams } : {}) });
    if (url === "/api/auth/csrf") return Response.json({ csrfToken: `token-${++tokens}` });
    const answer = answers.shift();
    if (!answer) throw new Error("unexpected callback");
    return Response.json(answer.body ?? {}, {
      status: answer.status,
      headers: answer.headers ?? {},
    });
  }) as typeof fetch;
  return { fetchFn, calls };
}

const credentials = { username: "demo", password: "demo-password", callbackUrl: "/dashboard" };
const csrfRefused = {
  status: 200,
  body: { url: "http://localhost:3000/api/auth/signin?csrf=true" },
};
const success = { status: 200, body: { url: "http://localhost:3000/dashboard" } };

describe("signInWithCredentials", () => {
  it.each([
    { name: "a sign-in succeeds at once", answers: [success], result: { ok: true }, callbacks: 1 },
    {
      name: "a refused CSRF token is retried once with a fresh token",
      answers: [csrfRefused, success],
      result: { ok: true },
      callbacks: 2,
    },
    {
      name: "a CSRF token refused twice is a failure, not a success",
      answers: [csrfRefused, csrfRefused],
      result: { ok: false, code: "sign_in_failed" },
      callbacks: 2,
    },
    {
      name: "a wrong login is not retried",
      answers: [
        { status: 401, body: { url: "http://localhost:3000/login?error=CredentialsSignin" } },
      ],
      result: { ok: false, code: "CredentialsSignin" },
      callbacks: 1,
    },
    {
      name: "a throttled attempt reports the wait from Retry-After",
      answers: [
        {
          status: 429,
          body: { url: "http://localhost:3000/login?error=throttled" },
          headers: { "Retry-After": "17" },
        },
      ],
      result: { ok: false, code: "throttled", retryAfterSeconds: 17 },
      callbacks: 1,
    },
  ])("$name", async ({ answers, result, callbacks }) => {
    const { fetchFn, calls } = fakeFetch([...answers]);
    expect(await signInWithCredentials(credentials, fetchFn)).toEqual(result);
    const posts = calls.filter((c) => c.url === "/api/auth/callback/credentials");
    expect(posts).toHaveLength(callbacks);
    // Each attempt carries the token fetched just before it.
    expect(posts.map((p) => p.body?.get("csrfToken"))).toEqual(
      posts.map((_, i) => `token-${i + 1}`),
    );
  });

  it("sends the credentials in the body, never in the URL", async () => {
    const { fetchFn, calls } = fakeFetch([success]);
    await signInWithCredentials(credentials, fetchFn);
    expect(calls.every((c) => !c.url.includes("password"))).toBe(true);
    const post = calls.find((c) => c.url === "/api/auth/callback/credentials");
    expect(post?.body?.get("password")).toBe("demo-password");
    expect(post?.body?.get("json")).toBe("true");
  });
});
