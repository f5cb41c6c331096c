import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { variant } from "../src/flavors.js";

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8");

/** `NAME=value` lines; comments and blank lines skipped (the subset of dotenv that `. file` also reads). */
function parseDotenv(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`not a NAME=value line: ${line}`);
    entries.set(match[1]!, match[2]!);
  }
  return entries;
}

/** The names a template's `_env.example` (or `_env.example.hbs`) assigns, commented out (`# NAME=`) or not. */
function assignedNames(text: string): Set<string> {
  return new Set([...text.matchAll(/^(?:#\s*)?([A-Z_][A-Z0-9_]*)=/gm)].map((match) => match[1]!));
}

const env = parseDotenv(read("../variant.env"));
const restExample = assignedNames(read("../../../../templates/backend-rest/_env.example"));
// base's part is a Handlebars template (some lines depend on the storage); the names are plain text in it.
const baseExample = assignedNames(read("../../../../templates/base/_env.example.hbs"));

/** What the variant serves, from src/flavors.ts: the env must say exactly this. */
const EXPECTED: Record<string, string> = {
  REST_LOGIN_PATH: variant.paths.login,
  REST_REFRESH_PATH: variant.paths.refresh,
  REST_ME_PATH: variant.paths.me,
  REST_LOGOUT_PATH: variant.paths.logout,
  REST_USERNAME_FIELD: variant.request.username,
  REST_PASSWORD_FIELD: variant.request.password,
  REST_ACCESS_TOKEN_FIELD: "access_token",
  REST_REFRESH_TOKEN_FIELD: "refresh_token",
  REST_EXPIRES_IN_FIELD: "expires_in",
  REST_REFRESH_TOKEN_IN: "body",
  REST_REFRESH_BODY_FIELD: variant.request.refreshToken,
  REST_USER_ID_FIELD: "user_id",
  REST_USER_NAME_FIELD: "display_name",
  REST_USER_EMAIL_FIELD: "mail",
  BACKEND_PROXY_PREFIXES: `${variant.paths.resource.split("/")[1]}/`,
};

describe("variant.env", () => {
  it("sets exactly the variables the variant needs", () => {
    expect([...env.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    "sets %s=%s, matching what the variant serves",
    (name, value) => {
      expect(env.get(name)).toBe(value);
    },
  );

  it.each([...env.keys()].filter((name) => name.startsWith("REST_")))(
    "names %s, a variable templates/backend-rest/_env.example defines",
    (name) => {
      expect(restExample.has(name)).toBe(true);
    },
  );

  it.each([...env.keys()].filter((name) => !name.startsWith("REST_")))(
    "names %s, a variable templates/base/_env.example.hbs defines (and the REST example mentions)",
    (name) => {
      expect(baseExample.has(name)).toBe(true);
      expect(read("../../../../templates/backend-rest/_env.example")).toContain(name);
    },
  );

  it("matches the answer and user field names the variant actually sends", async () => {
    const pair = variant.loginAnswer(
      {
        id: 1,
        username: "demo",
        password: "x",
        email: "d@example.com",
        firstName: "D",
        lastName: "U",
        gender: "female",
        image: "",
        role: "user",
      },
      { accessToken: "a", refreshToken: "r", accessTtl: 10 },
    );
    expect(pair).toHaveProperty(env.get("REST_ACCESS_TOKEN_FIELD")!, "a");
    expect(pair).toHaveProperty(env.get("REST_REFRESH_TOKEN_FIELD")!, "r");
    expect(pair).toHaveProperty(env.get("REST_EXPIRES_IN_FIELD")!, 10);
    const me = variant.meAnswer({
      id: 1,
      username: "demo",
      password: "x",
      email: "d@example.com",
      firstName: "D",
      lastName: "U",
      gender: "female",
      image: "",
      role: "user",
    });
    for (const name of ["REST_USER_ID_FIELD", "REST_USER_NAME_FIELD", "REST_USER_EMAIL_FIELD"]) {
      expect(me).toHaveProperty(env.get(name)!);
    }
  });
});
