import { describe, expect, it } from "vitest";
import { parseCliArgs, type CliArgs } from "../src/args.js";
import { CliError, exitCodeFor } from "../src/errors.js";

describe("parseCliArgs", () => {
  const accepted: [string, string[], Partial<CliArgs>][] = [
    ["nothing given leaves every choice open", [], { dir: undefined, backend: undefined, session: undefined, db: undefined, install: undefined, git: undefined, yes: false, dryRun: false }],
    ["a positional is the directory", ["my-app"], { dir: "my-app" }],
    ["a scoped path is kept as given", ["apps/@acme/portal"], { dir: "apps/@acme/portal" }],
    ["every axis can be given as a flag", ["x", "--backend", "nestjs", "--session", "db", "--db", "postgres"], { backend: "nestjs", session: "db", db: "postgres" }],
    ["--flag=value works like --flag value", ["--backend=drupal", "--session=jwt"], { backend: "drupal", session: "jwt" }],
    ["values are case-insensitive", ["--backend", "NestJS"], { backend: "nestjs" }],
    ["--package-manager picks the package manager", ["--package-manager", "bun"], { packageManager: "bun" }],
    ["--no-install and --no-git turn the steps off", ["--no-install", "--no-git"], { install: false, git: false }],
    ["--install and --git turn the steps on", ["--install", "--git"], { install: true, git: true }],
    ["the last of --install and --no-install wins", ["--no-install", "--install"], { install: true }],
    ["the last of --git and --no-git wins", ["--git", "--no-git"], { git: false }],
    ["-y is --yes", ["-y"], { yes: true }],
    ["--dry-run is recognised", ["--dry-run"], { dryRun: true }],
    ["-h is --help", ["-h"], { help: true }],
    ["-v is --version", ["-v"], { version: true }],
    ["options may come before the directory", ["--yes", "app"], { dir: "app", yes: true }],
  ];
  it.each(accepted)("%s", (_name, argv, expected) => {
    expect(parseCliArgs(argv)).toMatchObject(expected);
  });

  const rejected: [string, string[], string, RegExp][] = [
    ["an unknown option is a usage error", ["--bogus"], "USAGE", /unknown option --bogus/],
    ["an option missing its value is a usage error", ["--backend"], "USAGE", /--backend/],
    ["two directories are a usage error", ["a", "b"], "USAGE", /at most one directory/],
    ["an unknown backend lists the allowed ones", ["--backend", "django"], "INVALID_OPTION", /drupal, rest, nestjs/],
    ["an unknown session lists the allowed ones", ["--session", "redis"], "INVALID_OPTION", /jwt, db/],
    ["an unknown database lists the allowed ones", ["--session", "db", "--db", "mysql"], "INVALID_OPTION", /sqlite, postgres/],
    ["an unknown package manager lists the allowed ones", ["--package-manager", "deno"], "INVALID_OPTION", /npm, pnpm, yarn, bun/],
    ["a value on a boolean option is a usage error", ["--yes=no"], "USAGE", /--yes/],
  ];
  it.each(rejected)("%s", (_name, argv, code, message) => {
    let error: unknown;
    try {
      parseCliArgs(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe(code);
    expect((error as CliError).message).toMatch(message);
    expect(exitCodeFor(error)).toBe(2);
  });
});
