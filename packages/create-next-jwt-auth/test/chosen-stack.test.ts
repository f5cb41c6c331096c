import { describe, expect, it } from "vitest";
import { createContext } from "../src/context.js";
import { layersFor, templatesRoot } from "../src/layers.js";
import {
  allStacks,
  BACKENDS,
  DATABASES,
  SESSIONS,
  stackId,
  type Backend,
  type Database,
  type Session,
  type Stack,
} from "../src/options.js";
import { renderLayers } from "../src/render.js";

/**
 * Words only an app of one option value may contain: its packages, modules,
 * types, variables and the names its docs use. Typed by every option value, so
 * a new backend, storage or database needs its own row. Plain strings match
 * as whole words, case-insensitively; a RegExp matches as written.
 */
const IDENTIFIERS: Record<
  Backend | Session | Database,
  readonly (string | RegExp)[]
> = {
  drupal: ["Drupal", "simple_oauth", "JSON:API", "jsonapi"],
  rest: ["DummyJSON", "dummyjson", /\bREST_[A-Z]/, "REST_STYLE"],
  nestjs: ["NestJS", "/auth/profile", /\bNEST_[A-Z]/, "ValidationPipe", "NEST_STYLE"],
  jwt: [
    /\bJWT-cookie storage\b/i,
    /\bcookie storage\b/i,
    /\bjwt storage\b/i,
    /\bJWT[- ]cookie\b/i,
  ],
  db: [
    "SessionStorageUnavailable",
    "SessionStoreUnavailable",
    "session_store_unavailable",
    "session database",
    /\bdb storage\b/i,
    /\bdb sessions?\b/i,
    "dashboard/sessions",
    "DATABASE_URL",
    "DATABASE_MIGRATE",
    "db:migrate",
    "bowser",
  ],
  sqlite: [
    "better-sqlite3",
    "BetterSqlite",
    "sqlite-store",
    "SQLite",
    "private-files",
    /\bfile:\S/,
  ],
  postgres: [
    "pg",
    "PostgreSQL",
    "Postgres",
    "postgres-store",
    "DATABASE_URL_TEST",
    "postgres://",
  ],
};

/** The names of the template layers themselves: an app is one project, not a stack of layers. */
const LAYER_NAMES: readonly (string | RegExp)[] = [
  /\btemplates\//,
  "backend-http",
  "session-jwt",
  "session-db",
  "db-postgres",
  "db-sqlite",
];

/**
 * Strings that contain a listed word but are no reference to another stack.
 * The token cipher's key salt must never change: it would make every stored
 * token unreadable.
 */
const ALLOWED: readonly string[] = ['"create-next-jwt-auth/session-db"'];

function pattern(word: string | RegExp): RegExp {
  if (word instanceof RegExp)
    return new RegExp(
      word.source,
      word.flags.includes("g") ? word.flags : `${word.flags}g`,
    );
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = /^\w/.test(word) ? "\\b" : "";
  const end = /\w$/.test(word) ? "\\b" : "";
  return new RegExp(`${start}${escaped}${end}`, "gi");
}

/** The option values a stack did not choose. */
function unchosen(stack: Stack): (Backend | Session | Database)[] {
  return [
    ...BACKENDS.filter((backend) => backend !== stack.backend),
    ...SESSIONS.filter((session) => session !== stack.session),
    ...DATABASES.filter((db) => db !== stack.db),
  ];
}

/** `path:line: word` for every listed word in the rendered app. */
function hits(stack: Stack, words: readonly (string | RegExp)[]): string[] {
  const tree = renderLayers({
    templatesRoot: templatesRoot(),
    layers: layersFor(stack),
    context: createContext({
      projectName: "my-app",
      stack,
      packageManager: "pnpm",
    }),
  });
  const found: string[] = [];
  for (const [path, contents] of tree) {
    for (const word of words) {
      if (pattern(word).test(path)) found.push(`${path}: ${String(word)}`);
    }
    const lines = contents.toString("utf8").split("\n");
    lines.forEach((line, index) => {
      const text = ALLOWED.reduce(
        (rest, allowed) => rest.replaceAll(allowed, ""),
        line,
      );
      for (const word of words) {
        if (pattern(word).test(text)) {
          found.push(`${path}:${index + 1}: ${String(word)}`);
        }
      }
    });
  }
  return [...new Set(found)];
}

describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))(
  "the rendered %s app",
  (_id, stack) => {
    it("names no identifier of a backend, storage or database it did not choose", () => {
      const words = unchosen(stack).flatMap((value) => IDENTIFIERS[value]);
      expect(hits(stack, words)).toEqual([]);
    });

    it("names no template layer", () => {
      expect(hits(stack, LAYER_NAMES)).toEqual([]);
    });
  },
);

/**
 * The JSON-over-HTTP adapter and mock that NestJS and REST apps share: a
 * Drupal app has its own adapter and names none of it.
 */
const HTTP_ADAPTER_WORDS: readonly (string | RegExp)[] = [
  "HttpStyle",
  "HttpMockProtocol",
  "http-style",
  "http-protocol",
];

describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))(
  "the rendered %s app and the shared HTTP adapter",
  (_id, stack) => {
    const http = stack.backend === "nestjs" || stack.backend === "rest";
    it(http ? "has it" : "names none of it", () => {
      const found = hits(stack, HTTP_ADAPTER_WORDS);
      if (http) expect(found).not.toEqual([]);
      else expect(found).toEqual([]);
    });
  },
);

describe("the identifier table", () => {
  it.each(allStacks().map((stack) => [stackId(stack), stack] as const))(
    "finds the chosen stack's own words in the %s app (so a miss means something)",
    (_id, stack) => {
      const chosen = [
        stack.backend,
        stack.session,
        ...(stack.db ? [stack.db] : []),
      ];
      for (const value of chosen) {
        expect(hits(stack, IDENTIFIERS[value]), value).not.toEqual([]);
      }
    },
  );
});
