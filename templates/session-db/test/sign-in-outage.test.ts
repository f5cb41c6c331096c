/**
 * next-auth's route handler while the session database is down: the throttle
 * and the new session both live there, so signing in answers a 503 the login
 * page explains. next-auth is replaced by a stand-in that fails the way it
 * lets a failing `jwt` callback or `jwt.encode` through (by rejecting).
 */
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SessionStorageUnavailableError } from "@/lib/next-jwt-auth/storage/errors";
import { isolatedSessionEnv } from "./session-env";

const nextAuth = vi.fn<(...args: unknown[]) => Promise<Response>>();
vi.mock("next-auth", () => ({ default: (...args: unknown[]) => nextAuth(...args) }));

const APP = "http://localhost:3000";
let route: typeof import("@/app/api/auth/[...nextauth]/route");
let throttle: typeof import("@/lib/next-jwt-auth/sign-in/login-throttle");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:9");
  vi.stubEnv("LOGIN_FAILURE_MIN_MS", "0");
  for (const [name, value] of Object.entries(await isolatedSessionEnv("sign-in-outage"))) {
    vi.stubEnv(name, value);
  }
  route = await import("@/app/api/auth/[...nextauth]/route");
  throttle = await import("@/lib/next-jwt-auth/sign-in/login-throttle");
});

afterEach(() => {
  vi.restoreAllMocks();
  nextAuth.mockReset();
});

function signIn(): Promise<Response> {
  const request = new NextRequest(`${APP}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "demo", password: "pw", csrfToken: "t", json: "true" }),
  });
  return route.POST(request, {
    params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
  });
}

async function expectSignInUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("set-cookie")).toBeNull();
  const body = (await response.json()) as { url: string; error: string };
  expect(body.error).toBe("session_store_unavailable");
  // next-auth/react's signIn() takes its error code from this URL's `error`.
  expect(new URL(body.url).searchParams.get("error")).toBe("session_store_unavailable");
  expect(new URL(body.url).pathname).toBe("/login");
}

describe("signing in while the session database is down", () => {
  it("answers 503 before next-auth or the backend is asked when the throttle cannot be read", async () => {
    vi.spyOn(throttle.LoginThrottle.prototype, "reserve").mockRejectedValue(
      new SessionStorageUnavailableError("database down"),
    );
    await expectSignInUnavailable(await signIn());
    expect(nextAuth).not.toHaveBeenCalled();
  });

  it("answers 503 when the new session cannot be stored", async () => {
    nextAuth.mockRejectedValue(new SessionStorageUnavailableError("database down"));
    await expectSignInUnavailable(await signIn());
  });
});
