// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./open-store";

describe("DATABASE_URL", () => {
  it.each([
    [undefined, "/app/.data/sessions.db"],
    ["", "/app/.data/sessions.db"],
    ["file:./.data/dev.db", "/app/.data/dev.db"],
    ["file:sessions.db", "/app/sessions.db"],
    ["file:/var/lib/app/s.db", "/var/lib/app/s.db"],
    ["file:///var/lib/app/s.db", "/var/lib/app/s.db"],
  ])("%j opens the file %j", (value, expected) => {
    expect(parseDatabaseUrl(value, "/app")).toBe(expected);
  });

  it.each(["mysql://db/app", "file:", "sessions.db"])(
    "refuses %j with a message naming the accepted forms",
    (value) => {
      expect(() => parseDatabaseUrl(value, "/app")).toThrow(/DATABASE_URL/);
    },
  );
});
