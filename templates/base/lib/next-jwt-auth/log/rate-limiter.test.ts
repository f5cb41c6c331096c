// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLogRateLimiter } from "./rate-limiter";

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("createLogRateLimiter", () => {
  it("writes the first `limit` lines of a kind in a window and drops the rest", () => {
    const clock = manualClock();
    const limiter = createLogRateLimiter({ limit: 3, windowMs: 60_000, now: clock.now });
    const verdicts = Array.from({ length: 50 }, () => limiter.take("JWT_SESSION_ERROR").write);
    expect(verdicts.filter(Boolean)).toHaveLength(3);
    expect(verdicts.slice(0, 3)).toEqual([true, true, true]);
  });

  it("starts a new window after windowMs and reports how many lines the last one dropped", () => {
    const clock = manualClock();
    const limiter = createLogRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 10; i++) limiter.take("A");
    clock.advance(59_999);
    expect(limiter.take("A")).toEqual({ write: false });
    clock.advance(1);
    expect(limiter.take("A")).toEqual({ write: true, dropped: 9 });
    expect(limiter.take("A")).toEqual({ write: true, dropped: 0 });
  });

  it("counts each kind on its own", () => {
    const clock = manualClock();
    const limiter = createLogRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    expect(limiter.take("A").write).toBe(true);
    expect(limiter.take("A").write).toBe(false);
    expect(limiter.take("B").write).toBe(true);
  });

  it("shares one counter among the kinds past maxKinds, so memory stays bounded", () => {
    const clock = manualClock();
    const limiter = createLogRateLimiter({
      limit: 1,
      windowMs: 1000,
      maxKinds: 2,
      now: clock.now,
    });
    expect(limiter.take("A").write).toBe(true);
    expect(limiter.take("B").write).toBe(true);
    expect(limiter.take("C").write).toBe(true);
    expect(limiter.take("D").write).toBe(false);
    expect(limiter.take("A").write).toBe(false);
  });

  it("never writes more than limit × (windows started + 1) lines per kind, whatever the timing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ gap: fc.nat(5_000), kind: fc.constantFrom("A", "B", "C") }), {
          maxLength: 200,
        }),
        (limit, events) => {
          const clock = manualClock();
          const windowMs = 1000;
          const limiter = createLogRateLimiter({ limit, windowMs, now: clock.now });
          const written = new Map<string, number>();
          for (const { gap, kind } of events) {
            clock.advance(gap);
            if (limiter.take(kind).write) written.set(kind, (written.get(kind) ?? 0) + 1);
          }
          const elapsed = events.reduce((sum, e) => sum + e.gap, 0);
          for (const count of written.values()) {
            expect(count).toBeLessThanOrEqual(limit * (Math.floor(elapsed / windowMs) + 1));
          }
        },
      ),
    );
  });
});
