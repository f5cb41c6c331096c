import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./open-store";

describe("DATABASE_URL", () => {
  it.each([
    [undefined, { kind: "sqlite", filename: "/app/.data/sessions.db" }],
    ["", { kind: "sqlite", filename: "/app/.data/sessions.db" }],
    ["file:./.data/dev.db", { kind: "sqlite", filename: "/app/.data/dev.db" }],
    ["file:sessions.db", { kind: "sqlite", filename: "/app/sessions.db" }],
    ["file:/var/lib/app/s.db", { kind: "sqlite", filename: "/var/lib/app/s.db" }],
    ["file:///var/lib/app/s.db", { kind: "sqlite", filename: "/var/lib/app/s.db" }],
    [
      "postgres://u:p@db:5432/app",
      { kind: "postgres", connectionString: "postgres://u:p@db:5432/app" },
    ],
    ["postgresql://db/app", { kind: "postgres", connectionString: "postgresql://db/app" }],
  ])("%j selects %j", (value, expected) => {
    expect(parseDatabaseUrl(value, "/app")).toEqual(expected);
  });

  it.each(["mysql://db/app", "file:", "sessions.db"])(
    "refuses %j with a message naming the accepted forms",
    (value) => {
      expect(() => parseDatabaseUrl(value, "/app")).toThrow(/DATABASE_URL/);
    },
  );
});
