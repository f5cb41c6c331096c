// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { isBackendFetchError } from "./backend-fetch";
import { backendProfile } from "./backend-profile";
import type { BackendUser } from "./backend/types";

const USER: BackendUser = { id: "7", name: "demo", email: "demo@example.com", roles: ["admin"] };
const tokens = {
  accessToken: "the-access-token",
  refreshToken: "r",
  accessTokenExpiresAt: Date.now() + 60_000,
};

describe("backendProfile", () => {
  it("asks the backend for the user with the session's access token", async () => {
    const asked: string[] = [];
    const adapter = { me: async (token: string) => (asked.push(token), USER) };
    await expect(backendProfile({ tokens, tokensExpired: false }, adapter)).resolves.toEqual(USER);
    expect(asked).toEqual(["the-access-token"]);
  });

  it("does not send an expired token the refresh could not replace: the backend is unavailable", async () => {
    const asked: string[] = [];
    const adapter = { me: async (token: string) => (asked.push(token), USER) };
    const error: unknown = await backendProfile({ tokens, tokensExpired: true }, adapter).catch(
      (e: unknown) => e,
    );
    expect(isBackendFetchError(error, "backend_unavailable")).toBe(true);
    expect(asked).toEqual([]);
  });
});
