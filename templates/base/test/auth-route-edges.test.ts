/**
 * Requests app/api/auth/[...nextauth]/route.ts answers without next-auth:
 * `/api/auth/_log` (next-auth writes whatever is posted there to the server
 * log once a `logger` is configured), a credentials callback that is not a
 * POST (next-auth answers it with a 500 and its internal message), and paths
 * longer than next-auth's `action/provider` (it ignores the rest, so
 * `callback/credentials/x` signed in past the login throttle).
 */
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

const nextAuth = vi.fn<(...args: unknown[]) => Promise<Response>>();
vi.mock("next-auth", () => ({ default: (...args: unknown[]) => nextAuth(...args) }));

const APP = "http://localhost:3000";
let route: typeof import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  route = await import("@/app/api/auth/[...nextauth]/route");
});

describe("next-auth's client log endpoint", () => {
  it("answers 204 without passing anyone's text to the server log", async () => {
    const request = new NextRequest(`${APP}/api/auth/_log`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ level: "error", code: "FORGED\nline", message: "x".repeat(1e4) }),
    });
    const response = await route.POST(request, {
      params: Promise.resolve({ nextauth: ["_log"] }),
    });
    expect(response.status).toBe(204);
    expect(nextAuth).not.toHaveBeenCalled();
  });
});

describe("the credentials callback", () => {
  it.each(["GET", "HEAD", "PUT", "DELETE"])(
    "answers %s with 405 and Allow: POST",
    async (method) => {
      const request = new NextRequest(`${APP}/api/auth/callback/credentials`, { method });
      const response = await route.POST(request, {
        params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(nextAuth).not.toHaveBeenCalled();
    },
  );
});

describe("paths longer than next-auth's action (and provider, for signin and callback)", () => {
  it.each([
    [["callback", "credentials", "x"]],
    [["callback", "credentials", "credentials"]],
    [["session", "x", "y"]],
    [["session", "x"]],
    [["csrf", "x"]],
    [["signout", "x"]],
  ])("answers %j with 404 without next-auth", async (nextauth) => {
    const request = new NextRequest(`${APP}/api/auth/${nextauth.join("/")}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "demo", password: "pw", csrfToken: "t" }),
    });
    const response = await route.POST(request, { params: Promise.resolve({ nextauth }) });
    expect(response.status).toBe(404);
    expect(nextAuth).not.toHaveBeenCalled();
  });
});
