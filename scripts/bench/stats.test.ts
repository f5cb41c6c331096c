import { describe, expect, it } from "vitest";
import { median, percentile, ratio } from "./stats.js";

describe("median", () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])("of %j is %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("refuses an empty list instead of reporting 0", () => {
    expect(() => median([])).toThrow("no samples");
  });

  it("does not reorder the caller's samples", () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [99, 99],
    [100, 100],
    [1, 1],
    [0, 1],
    [90, 90],
  ])("p%d of 1..100 is %d (nearest rank)", (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it("p99 of a small burst is its slowest request", () => {
    expect(percentile([1, 2, 3, 4, 50], 99)).toBe(50);
  });

  it("rejects a percentile outside 0..100", () => {
    expect(() => percentile([1], 101)).toThrow("out of range");
  });
});

describe("ratio", () => {
  it("divides by the peer and keeps two decimals", () => {
    expect(ratio(72, 157)).toBe(0.46);
  });

  it("refuses a zero peer", () => {
    expect(() => ratio(1, 0)).toThrow("positive");
  });
});
