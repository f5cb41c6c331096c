// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetSingleFlight, singleFlight } from "./single-flight";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("singleFlight", () => {
  beforeEach(() => resetSingleFlight());

  it("runs the task once for N concurrent callers and gives all of them its result", async () => {
    const gate = deferred<string>();
    const task = vi.fn(() => gate.promise);
    const callers = Array.from({ length: 20 }, () =>
      singleFlight("rt-1", task, { resultTtlMs: 1000 }),
    );
    gate.resolve("new-token");
    await expect(Promise.all(callers)).resolves.toEqual(Array(20).fill("new-token"));
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("gives a caller arriving shortly after completion the cached result", async () => {
    const task = vi.fn(() => Promise.resolve("new-token"));
    await singleFlight("rt-1", task, { resultTtlMs: 1000 });
    await expect(singleFlight("rt-1", task, { resultTtlMs: 1000 })).resolves.toBe("new-token");
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("propagates a failure to every waiting caller, and to late ones, without running again", async () => {
    const task = vi.fn(() => Promise.reject(new Error("refresh_rejected")));
    const callers = Array.from({ length: 5 }, () =>
      singleFlight("rt-dead", task, { resultTtlMs: 1000 }),
    );
    const results = await Promise.allSettled(callers);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    await expect(singleFlight("rt-dead", task, { resultTtlMs: 1000 })).rejects.toThrow(
      "refresh_rejected",
    );
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("forgets a failure at once when told to, so the next caller tries again", async () => {
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("unavailable"))
      .mockResolvedValueOnce("new-token");
    const options = { resultTtlMs: 1000, rememberFailure: () => false };
    await expect(singleFlight("rt-1", task, options)).rejects.toThrow("unavailable");
    await expect(singleFlight("rt-1", task, options)).resolves.toBe("new-token");
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("remembers a result for as long as resultTtlFor says, when given", async () => {
    let clock = 0;
    const task = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce("backend down")
      .mockResolvedValueOnce("new-token");
    const options = {
      resultTtlMs: 5000,
      resultTtlFor: (r: string) => (r === "backend down" ? 1000 : 5000),
      now: () => clock,
    };
    await expect(singleFlight("rt-1", task, options)).resolves.toBe("backend down");
    clock = 999;
    await expect(singleFlight("rt-1", task, options)).resolves.toBe("backend down");
    clock = 1000;
    await expect(singleFlight("rt-1", task, options)).resolves.toBe("new-token");
    clock = 5999;
    await expect(singleFlight("rt-1", task, options)).resolves.toBe("new-token");
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("runs again once the cached result has expired", async () => {
    let now = 0;
    const task = vi.fn(() => Promise.resolve(now));
    await singleFlight("rt-1", task, { resultTtlMs: 100, now: () => now });
    now = 101;
    await expect(singleFlight("rt-1", task, { resultTtlMs: 100, now: () => now })).resolves.toBe(
      101,
    );
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("keeps different keys apart", async () => {
    const task = vi.fn((value: string) => Promise.resolve(value));
    const [a, b] = await Promise.all([
      singleFlight("rt-a", () => task("a"), { resultTtlMs: 1000 }),
      singleFlight("rt-b", () => task("b"), { resultTtlMs: 1000 }),
    ]);
    expect([a, b]).toEqual(["a", "b"]);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("shares its registry through globalThis, so separately bundled copies agree", async () => {
    const gate = deferred<string>();
    const first = singleFlight("rt-shared", () => gate.promise, { resultTtlMs: 1000 });
    vi.resetModules();
    const copy = await import("./single-flight");
    const second = copy.singleFlight("rt-shared", () => Promise.resolve("second"), {
      resultTtlMs: 1000,
    });
    gate.resolve("first");
    await expect(Promise.all([first, second])).resolves.toEqual(["first", "first"]);
  });
});
