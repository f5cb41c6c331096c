import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/args.js";
import { CliError } from "../src/errors.js";
import { helpText } from "../src/help.js";
import { BACKENDS, DATABASES, PACKAGE_MANAGERS, SESSIONS } from "../src/options.js";

const help = helpText();

describe("helpText", () => {
  it.each([...BACKENDS, ...SESSIONS, ...DATABASES, ...PACKAGE_MANAGERS])("mentions the value %s", (value) => {
    expect(help).toMatch(new RegExp(`\\b${value}\\b`));
  });

  const flags = [...new Set(help.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])];
  it.each(flags)("documents %s, which the parser accepts", (flag) => {
    try {
      parseCliArgs([flag]);
    } catch (error) {
      // A string option without its value is the only acceptable complaint.
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(/argument missing/);
    }
  });

  it("lists every option the parser knows", () => {
    expect(flags.sort()).toEqual(
      ["--backend", "--session", "--db", "--package-manager", "--install", "--no-install", "--git", "--no-git", "-y", "--yes", "--dry-run", "-h", "--help", "-v", "--version"].sort(),
    );
  });
});
