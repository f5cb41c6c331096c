/**
 * What a garbage session cookie writes to the server log, through next-auth's
 * real session route with this app's options: one short line, a few times a
 * minute at most, however many requests arrive. next-auth's Next handler needs
 * a Next request scope (`next/headers`), so the framework-free core it wraps
 * (`AuthHandler`, not in the package's exports) is loaded by its path.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

interface InternalResponse {
  status?: number;
}
type AuthHandler = (params: { req: object; options: object }) => Promise<InternalResponse>;

const require = createRequire(import.meta.url);
const { AuthHandler } = require(join(dirname(require.resolve("next-auth")), "core/index.js")) as {
  AuthHandler: AuthHandler;
};

let options: ReturnType<typeof import("@/lib/next-jwt-auth/session/auth-options").authOptions>;
let cookieName: string;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  options = (await import("@/lib/next-jwt-auth/session/auth-options")).authOptions();
  cookieName = (await import("@/lib/next-jwt-auth/session/cookies")).sessionCookieName();
});

afterEach(() => vi.restoreAllMocks());

/** Everything written to the console while `run` runs, split into lines. */
async function logLines(run: () => Promise<unknown>): Promise<string[]> {
  const output: string[] = [];
  const capture = (...args: unknown[]) => {
    output.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  };
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation(capture);
  }
  await run();
  return output.join("\n").split("\n").filter(Boolean);
}

function sessionWithCookie(value: string) {
  return AuthHandler({
    req: { action: "session", method: "GET", cookies: { [cookieName]: value }, headers: {} },
    options,
  });
}

describe("log lines caused by garbage session cookies", () => {
  it("writes at most a handful of one-line entries for 50 requests, none with a stack", async () => {
    const lines = await logLines(async () => {
      for (let i = 0; i < 50; i++) {
        const response = await sessionWithCookie(`garbage-${i}\n[next-auth][error][FORGED]`);
        expect(response.status ?? 200).toBe(200);
      }
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);
    for (const line of lines) {
      expect(line).toMatch(/^\[next-auth\]\[error\]\[JWT_SESSION_ERROR\] /);
      expect(line).not.toMatch(/\bat .*:\d+:\d+/);
      expect(line).not.toContain("FORGED");
      expect(line.length).toBeLessThan(300);
    }
  });
});
