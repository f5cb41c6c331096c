import { describe, expect, it } from "vitest";
import { goals, table } from "./markdown.js";

describe("table", () => {
  it("right-aligns numeric columns and escapes pipes", () => {
    expect(table(["case", "ms"], [["a|b", 1.5], ["c", 2]])).toBe(
      ["| case | ms |", "| --- | ---: |", "| a\\|b | 1.5 |", "| c | 2 |"].join("\n"),
    );
  });

  it("refuses a row with the wrong number of cells", () => {
    expect(() => table(["a", "b"], [["only one"]])).toThrow("1 cells");
  });
});

describe("goals", () => {
  it("says why a missed goal was missed, and not for a met one", () => {
    const text = goals([
      { goal: "start under 150 ms", met: true, measured: "120 ms", why: "unused" },
      { goal: "half of the peer", met: false, measured: "0.9×", why: "node's own start is 70 ms of it" },
    ]);
    expect(text).toBe(
      "- ✅ met: start under 150 ms — 120 ms\n- ❌ missed: half of the peer — 0.9×. node's own start is 70 ms of it",
    );
  });
});
