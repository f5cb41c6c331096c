// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import appConfig from "@/app.config";
import { EnvError, parseEnv } from "./env";

const VALID = {
  NEXTAUTH_SECRET: "s".repeat(32),
  NEXTAUTH_URL: "http://localhost:3000",
  BACKEND_URL: "http://127.0.0.1:4010/",
};

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("accepts a minimal environment and fills the defaults", () => {
    const env = parseEnv(VALID);
    expect(env.BACKEND_URL).toBe("http://127.0.0.1:4010");
    expect(env.BACKEND_TIMEOUT_MS).toBe(10_000);
    expect(env.BACKEND_PROXY_PREFIXES).toEqual([]);
    expect(env.NEXTAUTH_SECRET).toEqual(["s".repeat(32)]);
    // Login throttling: X-Forwarded-For is not believed unless configured.
    expect(env.TRUST_PROXY).toBe(0);
  });

  it("reads a current and a previous secret for rotation", () => {
    const env = parseEnv({ ...VALID, NEXTAUTH_SECRET: `${"n".repeat(32)}, ${"o".repeat(32)}` });
    expect(env.NEXTAUTH_SECRET).toEqual(["n".repeat(32), "o".repeat(32)]);
  });

  it("takes the session timeouts' defaults from app.config.ts, and lets the variables override them", () => {
    expect(parseEnv(VALID)).toMatchObject({
      SESSION_IDLE_TIMEOUT: appConfig.session.idleTimeoutSeconds,
      SESSION_ABSOLUTE_TIMEOUT: appConfig.session.absoluteTimeoutSeconds,
    });
    expect(
      parseEnv({ ...VALID, SESSION_IDLE_TIMEOUT: "60", SESSION_ABSOLUTE_TIMEOUT: "3600" }),
    ).toMatchObject({ SESSION_IDLE_TIMEOUT: 60, SESSION_ABSOLUTE_TIMEOUT: 3600 });
  });

  it("normalises proxy prefixes", () => {
    expect(
      parseEnv({ ...VALID, BACKEND_PROXY_PREFIXES: "/api, files/" }).BACKEND_PROXY_PREFIXES,
    ).toEqual(["api/", "files/"]);
  });

  it.each([
    [{ NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET is required"],
    [{ NEXTAUTH_SECRET: "" }, "NEXTAUTH_SECRET is required"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET must be at least 32 characters"],
    [{ NEXTAUTH_URL: undefined }, "NEXTAUTH_URL is required"],
    [{ BACKEND_URL: "not a url" }, "BACKEND_URL must be an http(s) URL"],
    [{ BACKEND_URL: "ftp://backend" }, "BACKEND_URL must be an http(s) URL"],
    [{ BACKEND_TIMEOUT_MS: "soon" }, "BACKEND_TIMEOUT_MS must be a whole number"],
    [{ BACKEND_TIMEOUT_MS: "-5" }, "BACKEND_TIMEOUT_MS must be positive"],
    [{ BACKEND_PROXY_PREFIXES: "../admin" }, "BACKEND_PROXY_PREFIXES must be path prefixes"],
    [{ TRUST_PROXY: "-1" }, "TRUST_PROXY must be 0 or more"],
    [{ LOGIN_MAX_FAILURES: "0" }, "LOGIN_MAX_FAILURES must be positive"],
  ])("names the bad variable: %j", (override, message) => {
    expect(errorOf({ ...VALID, ...override })).toContain(message);
  });

  it("lists every bad variable at once", () => {
    const message = errorOf({});
    expect(message).toContain("NEXTAUTH_SECRET");
    expect(message).toContain("NEXTAUTH_URL");
    expect(message).toContain("BACKEND_URL");
  });
});
