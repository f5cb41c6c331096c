/**
 * next-auth's route handler (app/api/auth/[...nextauth]/route.ts): the login
 * throttle in front of the credentials sign-in. next-auth itself only runs
 * inside a Next request scope (it reads `next/headers`), so it is replaced
 * here by stand-ins: one that fails the way next-auth lets a failing `jwt`
 * callback or `jwt.encode` through (by rejecting), and one that reads the body
 * and calls `authorize` the way next-auth v4 does. The e2e suite signs in through the real one.
 */
import type { NextAuthOptions } from "next-auth";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BackendError } from "@/lib/next-jwt-auth/backend/errors";
import type { TokenSet } from "@/lib/next-jwt-auth/backend/types";
import { isolatedSessionEnv } from "./session-env";

const nextAuth = vi.fn<(...args: unknown[]) => Promise<Response>>();
vi.mock("next-auth", () => ({ default: (...args: unknown[]) => nextAuth(...args) }));

const RIGHT_PASSWORD = "right-password";
const TOKENS: TokenSet = {
  accessToken: "at",
  refreshToken: "rt",
  accessTokenExpiresAt: Date.now() + 600_000,
};
/** A backend that counts the logins it is asked for and takes a moment to answer each. */
const backend = {
  logins: 0,
  down: false,
  async login({ password }: { username: string; password: string }): Promise<TokenSet> {
    backend.logins++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (backend.down) throw new BackendError("unavailable", "down");
    if (password !== RIGHT_PASSWORD) throw new BackendError("invalid_credentials", "no", 401);
    return TOKENS;
  },
  me: () => Promise.resolve({ id: "1", name: "demo", roles: [] }),
};
vi.mock("@/lib/next-jwt-auth/backend/get-adapter", () => ({ getAdapter: () => backend }));

const APP = "http://localhost:3000";
const LIMIT = 3;
let route: typeof import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "s".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  vi.stubEnv("LOGIN_MAX_FAILURES", String(LIMIT));
  vi.stubEnv("LOGIN_FAILURE_MIN_MS", "0");
  // Where the app keeps sessions (and may count failures): a private place, not the app's.
  for (const [name, value] of Object.entries(await isolatedSessionEnv("sign-in-route"))) {
    vi.stubEnv(name, value);
  }
  route = await import("@/app/api/auth/[...nextauth]/route");
});

afterEach(() => {
  vi.restoreAllMocks();
  nextAuth.mockReset();
  backend.logins = 0;
  backend.down = false;
});

/**
 * next-auth v4's credentials callback, reduced to what the throttle depends
 * on: the body read as its route handler reads it (`application/json` first,
 * by substring, then a form, also by substring, else nothing; of a repeated
 * form field the last), handed to `authorize` as the credentials.
 */
async function nextAuthStandIn(
  request: NextRequest,
  _context: unknown,
  options: NextAuthOptions,
): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  const body = (
    type.includes("application/json")
      ? await request.json()
      : type.includes("application/x-www-form-urlencoded")
        ? Object.fromEntries(new URLSearchParams(await request.text()))
        : undefined
  ) as Record<string, string> | undefined;
  const provider = options.providers[0] as unknown as {
    options: { authorize: (c: unknown, r: unknown) => Promise<unknown> };
  };
  const error = (code: string) =>
    Response.json({ url: `${APP}/api/auth/error?error=${code}` }, { status: 401 });
  try {
    const user = await provider.options.authorize(body, { headers: {}, body, method: "POST" });
    return user ? Response.json({ url: `${APP}/dashboard` }) : error("CredentialsSignin");
  } catch (thrown) {
    return error((thrown as Error).message);
  }
}

/** A fresh username per test: the throttle outlives a test. */
function someone(): string {
  return `user-${Math.random().toString(36).slice(2)}`;
}

function post(
  body: string,
  contentType: string | undefined,
  path = ["callback", "credentials"],
): Promise<Response> {
  const request = new NextRequest(`${APP}/api/auth/${path.join("/")}`, {
    method: "POST",
    headers: contentType ? { "content-type": contentType } : {},
    body,
  });
  return route.POST(request, { params: Promise.resolve({ nextauth: path }) });
}

function form(fields: [string, string][], path?: string[]): Promise<Response> {
  const body = new URLSearchParams([...fields, ["csrfToken", "t"], ["json", "true"]]).toString();
  return post(body, "application/x-www-form-urlencoded", path);
}

async function lockOut(username: string): Promise<void> {
  for (let i = 0; i < LIMIT; i++) {
    const response = await form([
      ["username", username],
      ["password", "wrong"],
    ]);
    expect(response.status).toBe(401);
  }
}

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

describe("a sign-in that fails for another reason than the backend", () => {
  it("lets any other failure through to Next's error handling", async () => {
    nextAuth.mockRejectedValue(new TypeError("a bug"));
    await expect(signIn()).rejects.toThrow("a bug");
  });

  it("passes next-auth's answer through when nothing fails", async () => {
    nextAuth.mockResolvedValue(Response.json({ url: `${APP}/dashboard` }));
    const response = await signIn();
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ url: `${APP}/dashboard` });
  });
});

describe("the login throttle in front of next-auth's credentials sign-in", () => {
  it("refuses a JSON body with the right password after the form failures locked the username, without asking the backend", async () => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const username = someone();
    await lockOut(username);
    const response = await post(
      JSON.stringify({ username, password: RIGHT_PASSWORD, csrfToken: "t", json: "true" }),
      "application/json",
    );
    expect(response.status).toBe(415);
    expect(backend.logins).toBe(LIMIT);
    expect(
      (
        await form([
          ["username", username],
          ["password", RIGHT_PASSWORD],
        ])
      ).status,
    ).toBe(429);
    expect(backend.logins).toBe(LIMIT);
  });

  it.each([
    ["application/json"],
    ["application/json; charset=utf-8"],
    ["application/x-www-form-urlencoded; x=application/json"],
    ["application/x-www-form-urlencoded, application/json"],
    ["text/plain; application/x-www-form-urlencoded"],
    ["APPLICATION/X-WWW-FORM-URLENCODED"],
    ["multipart/form-data; boundary=x"],
    ["text/plain"],
    [undefined],
  ])("answers 415 to a credentials sign-in sent as %j, before next-auth runs", async (type) => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const body = new URLSearchParams({ username: someone(), password: "pw" }).toString();
    const response = await post(body, type);
    expect(response.status).toBe(415);
    expect(response.headers.get("accept-post")).toBe("application/x-www-form-urlencoded");
    expect(nextAuth).not.toHaveBeenCalled();
  });

  it("counts a repeated username field under the value next-auth signs in with (the last)", async () => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const victim = someone();
    await lockOut(victim);
    const response = await form([
      ["username", someone()],
      ["username", victim],
      ["password", RIGHT_PASSWORD],
    ]);
    expect(response.status).toBe(429);
    expect(backend.logins).toBe(LIMIT);
  });

  it("refuses a path below callback/credentials after a lock-out (next-auth would take it for the same callback)", async () => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const username = someone();
    await lockOut(username);
    const fields: [string, string][] = [
      ["username", username],
      ["password", RIGHT_PASSWORD],
    ];
    const response = await form(fields, ["callback", "credentials", "again"]);
    expect(response.status).toBe(404);
    expect(backend.logins).toBe(LIMIT);
  });

  it.each([
    ["with spaces around it", (name: string) => ` ${name} `],
    ["in upper case", (name: string) => name.toUpperCase()],
    [
      "in full-width letters",
      (name: string) =>
        name.replace(/[a-z]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)),
    ],
    ["with an ideographic space", (name: string) => `${name}\u3000`],
  ])("throttles a locked username written %s", async (_label, spell) => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const username = someone();
    await lockOut(username);
    const response = await form([
      ["username", spell(username)],
      ["password", RIGHT_PASSWORD],
    ]);
    expect(response.status).toBe(429);
    expect(backend.logins).toBe(LIMIT);
  });

  it.each([[40], [100]])(
    "lets at most the limit of %i parallel wrong passwords for one username reach the backend",
    async (parallel) => {
      nextAuth.mockImplementation(nextAuthStandIn as never);
      const username = someone();
      const statuses = await Promise.all(
        Array.from({ length: parallel }, () =>
          form([
            ["username", username],
            ["password", "wrong"],
          ]).then((r) => r.status),
        ),
      );
      expect(backend.logins).toBe(LIMIT);
      expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(parallel - LIMIT);
    },
  );

  it("does not count attempts the backend could not answer, and a sign-in clears the failures", async () => {
    nextAuth.mockImplementation(nextAuthStandIn as never);
    const username = someone();
    const attempt = (password: string) =>
      form([
        ["username", username],
        ["password", password],
      ]).then((r) => r.status);
    for (let i = 0; i < LIMIT - 1; i++) expect(await attempt("wrong")).toBe(401);
    backend.down = true;
    for (let i = 0; i < LIMIT; i++) expect(await attempt(RIGHT_PASSWORD)).toBe(401);
    backend.down = false;
    expect(await attempt(RIGHT_PASSWORD)).toBe(200);
    for (let i = 0; i < LIMIT; i++) expect(await attempt("wrong")).toBe(401);
    expect(await attempt(RIGHT_PASSWORD)).toBe(429);
  });
});
