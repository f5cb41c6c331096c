import { describe, expect, it } from "vitest";
import { DEFAULTS, readConfig } from "../src/config.js";

describe("readConfig", () => {
  it("uses the defaults when nothing is set", () => {
    expect(readConfig({})).toEqual(DEFAULTS);
  });

  it("reads PORT, ACCESS_TTL, REFRESH_TTL and REST_FLAVOR", () => {
    expect(
      readConfig({ PORT: "4630", ACCESS_TTL: "10", REFRESH_TTL: "30", REST_FLAVOR: "variant" }),
    ).toEqual({
      port: 4630,
      accessTtl: 10,
      refreshTtl: 30,
      flavor: "variant",
    });
  });

  it.each([
    { env: { ACCESS_TTL: "1.5" }, problem: "ACCESS_TTL" },
    { env: { ACCESS_TTL: "0" }, problem: "ACCESS_TTL" },
    { env: { REFRESH_TTL: "ten" }, problem: "REFRESH_TTL" },
    { env: { PORT: "70000" }, problem: "PORT" },
    { env: { REST_FLAVOR: "drupal" }, problem: "REST_FLAVOR" },
  ])("refuses $env, naming $problem", ({ env, problem }) => {
    expect(() => readConfig(env)).toThrow(problem);
  });
});
