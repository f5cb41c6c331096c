import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { templatesRoot } from "../src/layers.js";
import { allStacks, stackId } from "../src/options.js";
import { completeOptions, inferOptions } from "../src/upgrade/app-options.js";
import { renderApp } from "../src/upgrade/render-app.js";
import { targetStack } from "../src/upgrade/target-stack.js";
import { appOptions } from "./upgrade-helpers.js";

describe("inferOptions reads an app made before the manifest", () => {
  it.each(allStacks().map((stack) => [stackId(stack), stack] as const))("reads back %s from its rendered files", (_id, stack) => {
    const { files } = renderApp(templatesRoot(), appOptions(stack));
    expect(inferOptions((path) => files.get(path)?.toString())).toEqual(appOptions(stack));
  });

  const cases: [string, Record<string, string>, object][] = [
    [
      "an older database app with both drivers and a PostgreSQL DATABASE_URL is a postgres app",
      { "package.json": '{"name":"a","dependencies":{"better-sqlite3":"1","pg":"1"}}', ".env.example": "DATABASE_URL=postgres://x\nNEST_LOGIN_PATH=/l\n" },
      { name: "a", backend: "nestjs", session: "db", db: "postgres", packageManager: "npm" },
    ],
    [
      "an older database app with both drivers and no DATABASE_URL is a sqlite app",
      { "package.json": '{"name":"a","dependencies":{"better-sqlite3":"1","pg":"1"}}', ".env.example": "# DATABASE_URL=file:x\nDRUPAL_CLIENT_ID=x\n" },
      { name: "a", backend: "drupal", session: "db", db: "sqlite", packageManager: "npm" },
    ],
    [
      "the lockfile names the package manager when package.json does not",
      { "package.json": '{"name":"a"}', "yarn.lock": "", ".env.example": "REST_LOGIN_PATH=/l\n" },
      { name: "a", backend: "rest", session: "jwt", packageManager: "yarn" },
    ],
    ["nothing is guessed without evidence", { "package.json": "{}" }, { session: "jwt", packageManager: "npm" }],
  ];
  it.each(cases)("%s", (_name, files, expected) => {
    const options = inferOptions((path) => files[path]);
    expect({ ...options, packageManager: options.packageManager ?? "npm" }).toEqual(expected);
  });
});

describe("completeOptions", () => {
  it("fills what the files do not say from the flags", () => {
    expect(completeOptions([{ name: "a", session: "jwt" }], { backend: "drupal" })).toMatchObject({ name: "a", backend: "drupal", session: "jwt", packageManager: "npm" });
  });

  it("refuses with UPGRADE_OPTIONS_UNKNOWN, naming the flag to give", () => {
    let error: unknown;
    try {
      completeOptions([{ name: "a", session: "jwt" }], {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ code: "UPGRADE_OPTIONS_UNKNOWN", message: expect.stringMatching(/--backend/) });
  });
});

describe("targetStack", () => {
  const cases: [string, object, object, object | string][] = [
    ["keeps the app's stack without switches", { backend: "rest", session: "jwt", db: undefined }, {}, { backend: "rest", session: "jwt", db: undefined }],
    ["--session db takes the default database", { backend: "rest", session: "jwt", db: undefined }, { session: "db" }, { backend: "rest", session: "db", db: "sqlite" }],
    ["--session db --db postgres takes PostgreSQL", { backend: "rest", session: "jwt", db: undefined }, { session: "db", db: "postgres" }, { backend: "rest", session: "db", db: "postgres" }],
    ["--db postgres moves a SQLite app to PostgreSQL", { backend: "rest", session: "db", db: "sqlite" }, { db: "postgres" }, { backend: "rest", session: "db", db: "postgres" }],
    ["--session jwt drops the database", { backend: "rest", session: "db", db: "sqlite" }, { session: "jwt" }, { backend: "rest", session: "jwt", db: undefined }],
    ["--backend switches only the backend", { backend: "rest", session: "db", db: "postgres" }, { backend: "drupal" }, { backend: "drupal", session: "db", db: "postgres" }],
    ["--db on a JWT app is refused", { backend: "rest", session: "jwt", db: undefined }, { db: "sqlite" }, "INVALID_COMBINATION"],
    ["--session jwt --db sqlite is refused", { backend: "rest", session: "db", db: "sqlite" }, { session: "jwt", db: "sqlite" }, "INVALID_COMBINATION"],
  ];
  it.each(cases)("%s", (_name, current, flags, expected) => {
    const run = () => targetStack(current as never, { backend: undefined, session: undefined, db: undefined, ...flags });
    if (typeof expected === "string") expect(run).toThrow(expect.objectContaining({ code: expected }));
    else expect(run()).toEqual(expected);
  });
});
