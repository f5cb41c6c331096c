// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { NextResponse } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(nodeEnv: string) {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "https://app.example.com");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  return {
    cookies: await import("./cookies"),
    sessionCookie: await import("./session-cookie"),
  };
}

describe("session cookie in production", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is named __Host-… and is HttpOnly, Secure, SameSite=Lax, Path=/ with no Domain", async () => {
    const { cookies } = await load("production");
    expect(cookies.sessionCookieName()).toBe("__Host-next-auth.session-token");
    const options = cookies.sessionCookieOptions();
    expect(options).toEqual({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    expect(options).not.toHaveProperty("domain");
  });

  it("goes out with exactly those attributes, and the response is not cacheable", async () => {
    const { cookies, sessionCookie } = await load("production");
    // Whatever the storage puts in the cookie, these are its attributes.
    const write = {
      set: [{ name: cookies.sessionCookieName(), value: "v" }],
      clear: [],
      maxAge: 60,
    };
    const response = NextResponse.next();
    sessionCookie.applySessionCookiesToResponse(response, write);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^__Host-next-auth\.session-token=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*SameSite=lax/i);
    expect(setCookie).toMatch(/;\s*Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("is cleared with Max-Age=0 on a response that is not cacheable either", async () => {
    const { sessionCookie } = await load("production");
    const response = NextResponse.next();
    sessionCookie.clearSessionCookies(response, {
      getAll: () => [{ name: "__Host-next-auth.session-token", value: "x" }],
    });
    expect(response.headers.get("set-cookie")).toMatch(
      /^__Host-next-auth\.session-token=;.*Max-Age=0/i,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("has no prefix and no Secure flag in development, where http://localhost is used", async () => {
    const { cookies } = await load("development");
    expect(cookies.sessionCookieName()).toBe("next-auth.session-token");
    expect(cookies.sessionCookieOptions().secure).toBe(false);
  });
});
