import { describe, expect, it } from "vitest";
import { AuthService } from "../src/auth-service.js";
import { FLAVORS } from "../src/flavors.js";
import { DIALECTS } from "./helpers.js";

/**
 * Over HTTP, two "concurrent" requests may still be handled one after the other.
 * Here both refreshes start in the same tick, so both pass the first check
 * before either commits: only the atomic re-check in the store keeps one out.
 */
describe.each(DIALECTS)("the $flavor service under truly interleaved refreshes", (dialect) => {
  const service = () =>
    new AuthService({
      flavor: FLAVORS[dialect.flavor],
      accessTtl: 10,
      refreshTtl: 30,
      now: () => 1_900_000_000_000,
    });
  const login = (auth: AuthService) =>
    auth.login({ [dialect.request.username]: "demo", [dialect.request.password]: "demo-password" });

  it.each([2, 3])(
    "lets exactly one of %i refreshes started in the same tick win",
    async (count) => {
      const auth = service();
      const { pair } = await login(auth);
      const body = { [dialect.request.refreshToken]: pair.refreshToken };
      const results = await Promise.allSettled(
        Array.from({ length: count }, () => auth.refresh(body)),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(auth.stats).toMatchObject({
        refreshes: 1,
        rejectedRefreshes: count - 1,
        reusedRefreshes: count - 1,
      });
    },
  );

  it("refuses a refresh that a reset overtakes while its new pair is being minted", async () => {
    const auth = service();
    const { pair } = await login(auth);
    const pending = auth.refresh({ [dialect.request.refreshToken]: pair.refreshToken });
    auth.reset();
    await expect(pending).rejects.toMatchObject({ status: dialect.status.badRefreshToken });
  });
});
