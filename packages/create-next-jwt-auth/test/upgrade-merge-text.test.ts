import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeText } from "../src/upgrade/merge-text.js";

const THEIRS = "create-next-jwt-auth 0.2.0";
const lines = (...text: string[]) => `${text.join("\n")}\n`;
const BASE = lines("one", "two", "three", "four", "five");

describe("mergeText", () => {
  const clean: [string, string, string, string][] = [
    ["keeps the user's edit and takes ours when they touch different lines", lines("ONE", "two", "three", "four", "five"), lines("one", "two", "three", "four", "FIVE"), lines("ONE", "two", "three", "four", "FIVE")],
    ["keeps a line the user added and a line we removed", lines("one", "two", "mine", "three", "four", "five"), lines("one", "two", "three", "five"), lines("one", "two", "mine", "three", "five")],
    ["takes a change both sides made identically without a conflict", lines("one", "TWO", "three", "four", "five"), lines("one", "TWO", "three", "four", "five"), lines("one", "TWO", "three", "four", "five")],
    ["keeps a file without a final newline as the user has it", "one\ntwo\nthree\nfour\nfive", lines("zero", "one", "two", "three", "four", "five"), "zero\none\ntwo\nthree\nfour\nfive"],
  ];
  it.each(clean)("%s", (_name, user, target, expected) => {
    expect(mergeText(user, BASE, target, THEIRS)).toEqual({ text: expected, conflicts: 0 });
  });

  it("marks a line both sides changed differently with yours first and the new version named", () => {
    const merged = mergeText(lines("one", "mine", "three", "four", "five"), BASE, lines("one", "ours", "three", "four", "five"), THEIRS);
    expect(merged.conflicts).toBe(1);
    expect(merged.text).toBe(lines("one", "<<<<<<< yours", "mine", "=======", "ours", `>>>>>>> ${THEIRS}`, "three", "four", "five"));
  });

  it("counts every conflicting block", () => {
    const merged = mergeText(lines("1", "two", "three", "four", "5"), BASE, lines("I", "two", "three", "four", "V"), THEIRS);
    expect(merged.conflicts).toBe(2);
  });

  it("merges lines, not words (node-diff3 splits strings on whitespace unless given lines)", () => {
    const base = lines("const a = 1;", "", "const b = 2;");
    const merged = mergeText(lines("const a = 10;", "", "const b = 2;"), base, lines("const a = 1;", "", "const b = 20;"), THEIRS);
    expect(merged).toEqual({ text: lines("const a = 10;", "", "const b = 20;"), conflicts: 0 });
  });

  const text = fc.array(fc.constantFrom("a", "b", "c", "", "d e"), { maxLength: 12 }).map((parts) => parts.join("\n"));
  it("gives the new version when the user changed nothing, and the user's file when we changed nothing (property)", () => {
    fc.assert(
      fc.property(text, text, (base, other) => {
        expect(mergeText(base, base, other, THEIRS)).toEqual({ text: other, conflicts: 0 });
        expect(mergeText(other, base, base, THEIRS)).toEqual({ text: other, conflicts: 0 });
      }),
    );
  });

  it("gives either side when both made the same change (property)", () => {
    fc.assert(
      fc.property(text, text, (base, both) => {
        expect(mergeText(both, base, both, THEIRS)).toEqual({ text: both, conflicts: 0 });
      }),
    );
  });
});
