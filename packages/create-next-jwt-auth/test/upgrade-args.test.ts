import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { upgradeHelpText } from "../src/help.js";
import { parseUpgradeArgs } from "../src/upgrade/upgrade-args.js";

describe("parseUpgradeArgs", () => {
  it("reads the folder and every switch", () => {
    expect(parseUpgradeArgs(["apps/web", "--session", "DB", "--db", "postgres", "--no-install", "--dry-run", "--allow-dirty"])).toEqual({
      dir: "apps/web",
      backend: undefined,
      session: "db",
      db: "postgres",
      packageManager: undefined,
      install: false,
      dryRun: true,
      allowDirty: true,
      check: false,
      help: false,
    });
  });

  const refused: [string, string[], string][] = [
    ["an unknown option is a usage error", ["--force"], "USAGE"],
    ["two folders are a usage error", ["a", "b"], "USAGE"],
    ["an unknown session storage is an invalid option", ["--session", "redis"], "INVALID_OPTION"],
    ["--check with --dry-run is a usage error", ["--check", "--dry-run"], "USAGE"],
    ["--check with --backend is a usage error", ["--check", "--backend", "rest"], "USAGE"],
  ];
  it.each(refused)("%s", (_name, argv, code) => {
    expect(() => parseUpgradeArgs(argv)).toThrow(expect.objectContaining({ code }));
  });
});

describe("upgradeHelpText", () => {
  const help = upgradeHelpText();
  const flags = [...new Set(help.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])];

  it.each(flags)("documents %s, which the parser accepts", (flag) => {
    try {
      parseUpgradeArgs([flag]);
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(/argument missing/);
    }
  });

  it("lists every option the parser knows", () => {
    expect(flags.sort()).toEqual(
      ["--backend", "--session", "--db", "--dry-run", "--check", "--allow-dirty", "--install", "--no-install", "--package-manager", "-h", "--help"].sort(),
    );
  });

  it("states the exit statuses and the conflicts line scripts can read", () => {
    expect(help).toMatch(/0 upgraded.*3 upgraded with conflicts/s);
    expect(help).toContain("Conflicts to resolve (N): ...");
  });
});
