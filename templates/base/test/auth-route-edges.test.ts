/**
 * next-auth's `/api/auth/_log` writes whatever is posted to the server log
 * once a `logger` is configured: the route answers it without next-auth.
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
