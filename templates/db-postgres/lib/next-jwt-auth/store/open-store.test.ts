// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "./open-store";

describe("DATABASE_URL", () => {
  it.each(["postgres://u:p@db:5432/app", "postgresql://db/app", " POSTGRES://db/app "])(
    "%j is used as the connection string",
    (value) => {
      expect(parseDatabaseUrl(value)).toBe(value.trim());
    },
  );

  it.each([undefined, "", "mysql://db/app", "sessions.db"])(
    "refuses %j with a message naming the accepted form",
    (value) => {
      expect(() => parseDatabaseUrl(value)).toThrow(/DATABASE_URL/);
    },
  );
});
