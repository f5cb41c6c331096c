import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import prompts from "prompts";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/args.js";
import { resolveChoices } from "../src/choices.js";
import { CliError } from "../src/errors.js";
import type { Stack } from "../src/options.js";
import { terminalPrompter, validateNewProject, type Prompter } from "../src/prompts.js";
import { noPrompts, tempDir } from "./helpers.js";

const cwd = "/work/here";

/**
 * Answers prompts from a table, the way `prompts` would: questions whose `type`
 * resolves to null are skipped, `validate` is applied, and an answer of `CANCEL`
 * calls onCancel and stops, as Ctrl-C does.
 */
const CANCEL = Symbol("cancel");
function scripted(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const prompter: Prompter = async (questions, options) => {
    const values: Record<string, unknown> = {};
    for (const question of questions) {
      const name = String(question.name);
      const type = typeof question.type === "function" ? question.type(undefined, values as never, question) : question.type;
      if (!type) continue;
      asked.push(name);
      const answer = answers[name];
      if (answer === CANCEL || answer === undefined) {
        options.onCancel();
        return values;
      }
      if (question.validate) {
        const verdict = await (question.validate as (value: unknown) => unknown)(answer);
        if (verdict !== true) throw new Error(`prompt ${name} rejected ${String(answer)}: ${String(verdict)}`);
      }
      values[name] = answer;
    }
    return values;
  };
  return { prompter, asked };
}

async function resolve(argv: string[], interactive: boolean, prompter: Prompter = noPrompts) {
  return resolveChoices(parseCliArgs(argv), { cwd, interactive, prompter });
}

describe("resolveChoices without prompts", () => {
  const cases: [string, string[], Stack, string, string[]][] = [
    ["uses every default and names them", [], { backend: "rest", session: "jwt", db: undefined }, "my-app", ["project: my-app", "backend: rest", "session: jwt"]],
    ["defaults the database to sqlite for --session db", ["app", "--session", "db"], { backend: "rest", session: "db", db: "sqlite" }, "app", ["backend: rest", "database: sqlite"]],
    ["names nothing when everything was given", ["app", "--backend", "drupal", "--session", "db", "--db", "postgres"], { backend: "drupal", session: "db", db: "postgres" }, "app", []],
  ];
  it.each(cases)("%s", async (_name, argv, stack, name, defaulted) => {
    const choices = await resolve(argv, false);
    expect(choices.stack).toEqual(stack);
    expect(choices.target.name).toBe(name);
    expect(choices.defaulted).toEqual(defaulted);
  });
});

describe("resolveChoices rejects before asking anything", () => {
  const cases: [string, string[], string][] = [
    ["--db without --session is an invalid combination", ["app", "--db", "sqlite"], "INVALID_COMBINATION"],
    ["--db with --session jwt is an invalid combination", ["app", "--session", "jwt", "--db", "postgres"], "INVALID_COMBINATION"],
    ["an invalid directory name is refused", ["Bad Name"], "INVALID_NAME"],
  ];
  it.each(cases)("%s", async (_name, argv, code) => {
    const { prompter, asked } = scripted({});
    await expect(resolve(argv, true, prompter)).rejects.toMatchObject({ code });
    expect(asked).toEqual([]);
  });

  it("explains how to fix --db without --session db", async () => {
    await expect(resolve(["app", "--db", "sqlite"], false)).rejects.toThrow(/--db only applies to --session db.*add --session db/);
  });
});

describe("resolveChoices with prompts", () => {
  const cases: [string, string[], Record<string, unknown>, string[], Stack, string][] = [
    ["asks everything when nothing was given", [], { dir: "shop", backend: "nestjs", session: "jwt" }, ["dir", "backend", "session"], { backend: "nestjs", session: "jwt", db: undefined }, "shop"],
    ["asks for the database after a db session is chosen", [], { dir: "shop", backend: "rest", session: "db", db: "postgres" }, ["dir", "backend", "session", "db"], { backend: "rest", session: "db", db: "postgres" }, "shop"],
    ["asks only what the flags left open", ["app", "--backend", "drupal"], { session: "jwt" }, ["session"], { backend: "drupal", session: "jwt", db: undefined }, "app"],
    ["asks for the database when --session db came without --db", ["app", "--backend", "rest", "--session", "db"], { db: "sqlite" }, ["db"], { backend: "rest", session: "db", db: "sqlite" }, "app"],
    ["accepts a scoped path as the project name", ["--backend", "rest", "--session", "jwt"], { dir: "apps/@acme/portal" }, ["dir"], { backend: "rest", session: "jwt", db: undefined }, "@acme/portal"],
  ];
  it.each(cases)("%s", async (_name, argv, answers, expectedAsked, stack, name) => {
    const { prompter, asked } = scripted(answers);
    const choices = await resolve(argv, true, prompter);
    expect(asked).toEqual(expectedAsked);
    expect(choices.stack).toEqual(stack);
    expect(choices.target.name).toBe(name);
    expect(choices.defaulted).toEqual([]);
  });

  it("never prompts when every answer was given", async () => {
    const choices = await resolve(["app", "--backend", "rest", "--session", "jwt"], true, noPrompts);
    expect(choices.stack).toEqual({ backend: "rest", session: "jwt", db: undefined });
  });

  it("the project-name prompt rejects an invalid name with every problem", async () => {
    const { prompter } = scripted({ dir: "Bad Name" });
    await expect(resolve([], true, prompter)).rejects.toThrow(/capital letters.*URL-friendly|URL-friendly.*capital letters/);
  });

  const cancelled: [string, Record<string, unknown>][] = [
    ["cancelling the first question stops with CANCELLED", { dir: CANCEL }],
    ["cancelling a later question stops with CANCELLED", { dir: "shop", backend: "rest", session: CANCEL }],
  ];
  it.each(cancelled)("%s", async (_name, answers) => {
    const { prompter } = scripted(answers);
    const error = await resolve([], true, prompter).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe("CANCELLED");
    expect((error as CliError).message).toMatch(/nothing was written/);
  });
});

describe("the real prompts library", () => {
  it("takes injected answers for every question", async () => {
    prompts.inject(["real-prompts", "nestjs", "db", "postgres"]);
    const choices = await resolveChoices(parseCliArgs([]), { cwd, interactive: true, prompter: terminalPrompter });
    expect(choices.stack).toEqual({ backend: "nestjs", session: "db", db: "postgres" });
    expect(choices.target.name).toBe("real-prompts");
  });

  it("turns an aborted prompt into CANCELLED", async () => {
    prompts.inject([new Error("aborted")]);
    await expect(
      resolveChoices(parseCliArgs([]), { cwd, interactive: true, prompter: terminalPrompter }),
    ).rejects.toMatchObject({ code: "CANCELLED" });
  });
});

describe("validateNewProject (the name prompt)", () => {
  const cases: [string, Record<string, string>, string, RegExp | true][] = [
    ["accepts a name whose directory does not exist", {}, "fresh", true],
    ["accepts a directory with only harmless files", { "repo/LICENSE": "MIT" }, "repo", true],
    ["rejects a directory with the user's files and names them", { "taken/a.txt": "", "taken/b.txt": "" }, "taken", /taken already contains a\.txt, b\.txt; choose another name/],
    ["shortens a long list of conflicts", Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`big/f${i}`, ""])), "big", /f0, f1, f2, f3, f4, …/],
    ["rejects a path that is a file", { "file": "" }, "file", /not a directory/],
    ["rejects an invalid name", {}, "Bad Name", /capital letters/],
  ];
  it.each(cases)("%s", (_name, files, input, expected) => {
    const dir = tempDir();
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), contents);
    }
    const verdict = validateNewProject(input, dir);
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toMatch(expected);
  });
});
