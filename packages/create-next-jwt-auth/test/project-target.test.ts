import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { packageNameProblems, projectTarget, validateProjectInput } from "../src/project-target.js";

const cwd = "/work/here";

describe("projectTarget", () => {
  const accepted: [string, string, { dir: string; name: string; display: string }][] = [
    ["a plain name is a directory in the cwd", "my-app", { dir: "/work/here/my-app", name: "my-app", display: "my-app" }],
    ["a nested path names the package after its last segment", "apps/portal", { dir: "/work/here/apps/portal", name: "portal", display: "apps/portal" }],
    ["a scoped name gives a scoped package in a scope folder", "@acme/portal", { dir: "/work/here/@acme/portal", name: "@acme/portal", display: "@acme/portal" }],
    ["dir/@scope/app gives @scope/app in dir/@scope/app", "apps/@acme/portal", { dir: "/work/here/apps/@acme/portal", name: "@acme/portal", display: "apps/@acme/portal" }],
    ["an absolute path outside the cwd is shown absolute", "/tmp/x", { dir: "/tmp/x", name: "x", display: "/tmp/x" }],
    ["a trailing slash is ignored", "my-app/", { dir: "/work/here/my-app", name: "my-app", display: "my-app" }],
    ["surrounding spaces are ignored", "  my-app ", { dir: "/work/here/my-app", name: "my-app", display: "my-app" }],
    ["dots, dashes, underscores and digits are fine", "a.b_c-1", { dir: "/work/here/a.b_c-1", name: "a.b_c-1", display: "a.b_c-1" }],
  ];
  it.each(accepted)("%s", (_name, input, expected) => {
    expect(projectTarget(input, cwd)).toEqual(expected);
  });

  it("uses the cwd's own name for '.'", () => {
    expect(projectTarget(".", "/work/good-name")).toEqual({ dir: "/work/good-name", name: "good-name", display: "." });
  });

  const rejected: [string, string, string[]][] = [
    ["capitals and spaces are both reported", "My App", ["name can only contain URL-friendly characters", "name can no longer contain capital letters"]],
    ["a leading dot is reported", ".hidden", ["name cannot start with a period"]],
    ["a leading underscore is reported", "_private", ["name cannot start with an underscore"]],
    ["node_modules is reported", "node_modules", ["node_modules is not a valid package name"]],
    ["a core module name is reported", "http", ["http is a core module name"]],
    ["special characters are reported", "wow!", ["name can no longer contain special characters (\"~'!()*\")"]],
    ["a bad scoped name lists every problem", "@Acme/My App", ["name can no longer contain capital letters", "name can only contain URL-friendly characters"]],
    ["a name over 214 characters is reported", "a".repeat(215), ["name can no longer contain more than 214 characters"]],
  ];
  it.each(rejected)("%s", (_name, input, problems) => {
    let error: unknown;
    try {
      projectTarget(input, cwd);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe("INVALID_NAME");
    expect([...(error as CliError).details].sort()).toEqual([...problems].sort());
  });

  it("refuses an empty directory argument", () => {
    expect(() => projectTarget("  ", cwd)).toThrow(/cannot be empty/);
  });
});

describe("validateProjectInput (the prompt's validator)", () => {
  it("accepts a valid name", () => {
    expect(validateProjectInput("fine-name", cwd)).toBe(true);
  });
  it("returns every problem in one line for an invalid name", () => {
    const message = validateProjectInput("Bad Name", cwd);
    expect(message).toMatch(/capital letters/);
    expect(message).toMatch(/URL-friendly/);
  });
});

describe("packageNameProblems", () => {
  it("is empty for a valid scoped name", () => {
    expect(packageNameProblems("@scope/app")).toEqual([]);
  });
});
