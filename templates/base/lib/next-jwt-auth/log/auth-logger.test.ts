// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLogRateLimiter } from "./rate-limiter";
import { createAuthLogger, oneLine } from "./auth-logger";

/** A logger writing into an array, with a clock the test moves by hand. */
function testLogger(limit = 5) {
  const lines: string[] = [];
  let time = 0;
  const limiter = createLogRateLimiter({ limit, windowMs: 60_000, now: () => time });
  const logger = createAuthLogger({ write: (line) => lines.push(line), limiter });
  return { lines, logger, advance: (ms: number) => (time += ms) };
}

describe("createAuthLogger", () => {
  it("writes next-auth's error as one line with its code and message, without the stack", () => {
    const { lines, logger } = testLogger();
    logger.error("JWT_SESSION_ERROR", new Error("JWT invalid"));
    expect(lines).toEqual(["[next-auth][error][JWT_SESSION_ERROR] Error: JWT invalid"]);
  });

  it.each([
    [{ error: new TypeError("boom"), providerId: "credentials" }, "TypeError: boom"],
    [{ error: new Error("x"), message: "what failed" }, "what failed"],
    ["plain text", "plain text"],
  ])("takes the message from next-auth's metadata %j", (metadata, message) => {
    const { lines, logger } = testLogger();
    logger.error("SESSION_ERROR", metadata as unknown as Error);
    expect(lines).toEqual([`[next-auth][error][SESSION_ERROR] ${message}`]);
  });

  it("writes a warning code as one line", () => {
    const { lines, logger } = testLogger();
    logger.warn("NEXTAUTH_URL");
    expect(lines).toEqual(["[next-auth][warn][NEXTAUTH_URL]"]);
  });

  it("writes at most `limit` lines per code a minute, then says how many it dropped", () => {
    const { lines, logger, advance } = testLogger(3);
    for (let i = 0; i < 50; i++) logger.error("JWT_SESSION_ERROR", new Error("JWT invalid"));
    logger.error("SESSION_ERROR", new Error("other code, own budget"));
    expect(lines).toHaveLength(4);
    advance(60_000);
    logger.error("JWT_SESSION_ERROR", new Error("JWT invalid"));
    expect(lines.at(-1)).toBe(
      "[next-auth][error][JWT_SESSION_ERROR] Error: JWT invalid (47 more not logged)",
    );
  });

  it("cannot be made to write a second, forged line", () => {
    const { lines, logger } = testLogger();
    logger.error(
      "CODE\n[next-auth][error][FORGED]",
      new Error("a\r\n[next-auth][error][FORGED] b"),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
  });

  it("writes every event as one bounded line, whatever the code and message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.string({ maxLength: 5000 }), (code, text) => {
        const { lines, logger } = testLogger();
        logger.error(code, new Error(text));
        for (const line of lines) {
          expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
          expect(line.length).toBeLessThan(400);
        }
      }),
    );
  });
});

describe("oneLine", () => {
  it.each([
    ["a\nb", "a b"],
    ["a\r\n\tb", "a b"],
    ["  padded  ", "padded"],
    ["x".repeat(300), `${"x".repeat(200)}…`],
  ])("flattens %j", (input, output) => {
    expect(oneLine(input)).toBe(output);
  });
});
