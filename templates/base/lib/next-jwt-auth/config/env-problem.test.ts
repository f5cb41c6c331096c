// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { environmentProblem } from "./env-problem";
import { parseEnv } from "./env";

describe("environmentProblem", () => {
  const invalid = (() => {
    try {
      parseEnv({
        NEXTAUTH_SECRET: "x".repeat(32),
        NEXTAUTH_URL: "http://localhost:3000",
        BACKEND_URL: "not a url",
      });
    } catch (error) {
      return error as Error;
    }
    throw new Error("expected an invalid environment");
  })();

  it.each([
    {
      name: "an invalid environment in development names the variable",
      error: invalid,
      nodeEnv: "development",
      shown: true,
    },
    {
      name: "an invalid environment in production shows nothing",
      error: invalid,
      nodeEnv: "production",
      shown: false,
    },
    {
      name: "another error in development shows nothing",
      error: new Error("boom"),
      nodeEnv: "development",
      shown: false,
    },
    { name: "no error shows nothing", error: undefined, nodeEnv: "development", shown: false },
  ])("$name", ({ error, nodeEnv, shown }) => {
    const problem = environmentProblem(error, nodeEnv);
    if (shown) expect(problem).toMatch(/BACKEND_URL/);
    else expect(problem).toBeUndefined();
  });
});
