// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { throttleUsername } from "./throttle-username";

/** Usernames with the characters case folding and NFKC treat specially. */
const username = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc
    .array(
      fc.constantFrom(
        "a",
        "A",
        "ß",
        "SS",
        "ẞ",
        "σ",
        "ς",
        "Σ",
        "İ",
        "ı",
        "i",
        "I",
        "ﬁ",
        "Ａ",
        "ａ",
        "é",
        "e\u0301",
        " ",
        "\t",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\u00ad",
        "@",
        ".",
        "Ω",
        "\u2126",
        "K",
        "\u212a",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join("")),
);

describe("throttleUsername", () => {
  it.each([
    ["alice", "alice"],
    ["Alice", "alice"],
    [" alice ", "alice"],
    ["\talice\n", "alice"],
    ["ALICE", "alice"],
    ["ａｌｉｃｅ", "alice"],
    ["Ａｌｉｃｅ\u3000", "alice"],
    ["ali\u00adce", "alice"],
    ["ali\u200bce", "alice"],
    ["\ufb01nn", "finn"],
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["Jos\u0065\u0301", "josé"],
    ["alice  smith", "alice smith"],
    ["alice\u00a0smith", "alice smith"],
    ["alice@example.com", "alice@example.com"],
  ])("counts %j under %j", (input, expected) => {
    expect(throttleUsername(input)).toBe(expected);
  });

  it("keeps different usernames apart", () => {
    expect(throttleUsername("alice")).not.toBe(throttleUsername("alicia"));
    expect(throttleUsername("alice")).not.toBe(throttleUsername("alice@example.com"));
  });

  it("gives every spelling of a username the same key: case, width, composition, surrounding and repeated whitespace", () => {
    fc.assert(
      fc.property(username, (name) => {
        const key = throttleUsername(name);
        expect(throttleUsername(key)).toBe(key);
        for (const spelling of [
          name.toUpperCase(),
          name.toLowerCase(),
          name.normalize("NFD"),
          name.normalize("NFKD"),
          ` \t${name}\u3000`,
          name.replace(/\s/gu, "  "),
        ]) {
          expect(throttleUsername(spelling)).toBe(key);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
