// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSignInAnswer, readSignInResponse, type CallbackAnswer } from "./sign-in-outcome";

const answer = (
  status: number,
  url?: string,
  retryAfter: string | null = null,
): CallbackAnswer => ({
  status,
  url,
  retryAfter,
});

describe("readSignInAnswer", () => {
  it.each([
    {
      name: "a 200 with the callback URL is a sign-in",
      answer: answer(200, "http://localhost:3000/dashboard"),
      outcome: { kind: "signed-in" },
    },
    {
      name: "a 200 pointing at ?csrf=true is a refused CSRF token, not a sign-in",
      answer: answer(200, "http://localhost:3000/api/auth/signin?csrf=true"),
      outcome: { kind: "csrf-refused" },
    },
    {
      name: "a 401 with error=CredentialsSignin is a wrong login",
      answer: answer(401, "http://localhost:3000/login?error=CredentialsSignin"),
      outcome: { kind: "failed", code: "CredentialsSignin" },
    },
    {
      name: "a 200 whose URL carries an error is a failure with that code",
      answer: answer(200, "http://localhost:3000/login?error=backend_unavailable"),
      outcome: { kind: "failed", code: "backend_unavailable" },
    },
    {
      name: "a 429 is throttled, with the wait from Retry-After",
      answer: answer(429, "http://localhost:3000/login?error=throttled", "42"),
      outcome: { kind: "failed", code: "throttled", retryAfterSeconds: 42 },
    },
    {
      name: "a 429 without a usable Retry-After is throttled without a wait",
      answer: answer(429, undefined, "soon"),
      outcome: { kind: "failed", code: "throttled" },
    },
    {
      name: "a 503 without a body is the sign-in service being unavailable",
      answer: answer(503),
      outcome: { kind: "failed", code: "backend_unavailable" },
    },
    {
      name: "a 200 without a URL is not a sign-in",
      answer: answer(200),
      outcome: { kind: "failed", code: "sign_in_failed" },
    },
  ])("$name", ({ answer, outcome }) => {
    expect(readSignInAnswer(answer)).toEqual(outcome);
  });

  it("never reads a URL with csrf=true or an error as a sign-in, whatever the status and path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.webPath(),
        fc.oneof(
          fc.constant("csrf=true"),
          fc.string({ minLength: 1 }).map((e) => `error=${encodeURIComponent(e)}`),
        ),
        (status, path, query) => {
          const url = `http://localhost:3000${path}?${query}`;
          expect(readSignInAnswer(answer(status, url)).kind).not.toBe("signed-in");
        },
      ),
    );
  });
});

describe("readSignInResponse", () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  it.each([
    {
      name: "a 200 whose JSON body has the callback URL is a sign-in",
      response: () => json(200, { url: "http://localhost:3000/dashboard" }),
      outcome: { kind: "signed-in" },
    },
    {
      name: "a 200 whose JSON body points at ?csrf=true is a refused CSRF token",
      response: () => json(200, { url: "http://localhost:3000/api/auth/signin?csrf=true" }),
      outcome: { kind: "csrf-refused" },
    },
    {
      name: "a 429 is throttled, with the wait from its Retry-After header",
      response: () => json(429, { url: "/login?error=throttled" }, { "Retry-After": "7" }),
      outcome: { kind: "failed", code: "throttled", retryAfterSeconds: 7 },
    },
    {
      name: "a 200 whose body is not JSON is not a sign-in",
      response: () => new Response("<html>proxy error</html>", { status: 200 }),
      outcome: { kind: "failed", code: "sign_in_failed" },
    },
    {
      name: "a 200 whose JSON url is not a string is not a sign-in",
      response: () => json(200, { url: 42 }),
      outcome: { kind: "failed", code: "sign_in_failed" },
    },
    {
      name: "a 200 whose JSON body is null is not a sign-in",
      response: () => json(200, null),
      outcome: { kind: "failed", code: "sign_in_failed" },
    },
    {
      name: "a 503 without a body is the sign-in service being unavailable",
      response: () => new Response(null, { status: 503 }),
      outcome: { kind: "failed", code: "backend_unavailable" },
    },
  ])("$name", async ({ response, outcome }) => {
    expect(await readSignInResponse(response())).toEqual(outcome);
  });
});
