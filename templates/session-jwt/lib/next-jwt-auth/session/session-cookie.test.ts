// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

const CURRENT = "c".repeat(32);
const PREVIOUS = "p".repeat(32);
const OTHER = "o".repeat(32);

const TOKEN: JWT = {
  sub: "1",
  user: { id: "1", name: "demo" },
  backend: { accessToken: "at", refreshToken: "rt", accessTokenExpiresAt: Date.now() + 60_000 },
  authTime: Date.now(),
};

type Cookie = { name: string; value: string };

async function load(secret = CURRENT) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_SECRET", secret);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("BACKEND_URL", "http://127.0.0.1:4010");
  return import("./session-cookie");
}

function jar(cookies: Cookie[]) {
  return { getAll: () => cookies };
}

describe("session cookie", () => {
  beforeEach(() => vi.unstubAllEnvs());

  it("reads back what it wrote", async () => {
    const { encodeSessionCookies, readSessionToken } = await load();
    const write = await encodeSessionCookies(TOKEN, jar([]));
    expect(write.set).toHaveLength(1);
    await expect(readSessionToken(jar(write.set))).resolves.toMatchObject({
      user: TOKEN.user,
      backend: TOKEN.backend,
    });
  });

  it("reads back a chunked cookie, and not once a chunk is missing", async () => {
    const { encodeSessionCookies, readSessionToken } = await load();
    const big = { ...TOKEN, padding: "z".repeat(9000) };
    const write = await encodeSessionCookies(big, jar([]));
    expect(write.set.length).toBeGreaterThan(1);
    await expect(readSessionToken(jar([...write.set].reverse()))).resolves.toMatchObject({
      sub: "1",
    });
    await expect(readSessionToken(jar(write.set.slice(1)))).resolves.toBeNull();
  });

  it.each([
    ["tampered", (v: string) => v.slice(0, 40) + (v[40] === "A" ? "B" : "A") + v.slice(41)],
    ["truncated", (v: string) => v.slice(0, v.length - 10)],
    ["garbage", () => "not-a-jwt"],
    ["empty", () => ""],
  ])("treats a %s cookie as no session", async (_label, mangle) => {
    const { encodeSessionCookies, readSessionToken } = await load();
    const write = await encodeSessionCookies(TOKEN, jar([]));
    const [cookie] = write.set;
    await expect(
      readSessionToken(jar([{ name: cookie!.name, value: mangle(cookie!.value) }])),
    ).resolves.toBeNull();
  });

  it("treats a cookie encrypted with another secret as no session", async () => {
    const { readSessionToken } = await load();
    const value = await encode({ token: TOKEN, secret: OTHER, maxAge: 60 });
    await expect(
      readSessionToken(jar([{ name: "next-auth.session-token", value }])),
    ).resolves.toBeNull();
  });

  it("treats an expired cookie as no session", async () => {
    const { readSessionToken } = await load();
    const value = await encode({ token: TOKEN, secret: CURRENT, maxAge: -60 });
    await expect(
      readSessionToken(jar([{ name: "next-auth.session-token", value }])),
    ).resolves.toBeNull();
  });

  it("still reads a cookie made with the previous secret after a rotation, and writes with the new one", async () => {
    const old = await encode({ token: TOKEN, secret: PREVIOUS, maxAge: 60 });
    const { readSessionToken, encodeSessionCookies } = await load(`${CURRENT},${PREVIOUS}`);
    await expect(
      readSessionToken(jar([{ name: "next-auth.session-token", value: old }])),
    ).resolves.toMatchObject({
      sub: "1",
    });
    const write = await encodeSessionCookies(TOKEN, jar([]));
    const { readSessionToken: readWithCurrentOnly } = await load(CURRENT);
    await expect(readWithCurrentOnly(jar(write.set))).resolves.toMatchObject({ sub: "1" });
  });
});
