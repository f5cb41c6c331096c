// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BackendError } from "./backend/errors";
import { BackendFetchError } from "./backend-fetch";
import { PAGE_READ_MESSAGES, readForPage } from "./page-read";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("readForPage", () => {
  it("gives the read's data", async () => {
    await expect(readForPage("test", async () => [1, 2])).resolves.toEqual({
      ok: true,
      data: [1, 2],
    });
  });

  it.each([
    { name: "the backend cannot be reached", error: new BackendFetchError("backend_unavailable") },
    { name: "the backend timed out", error: new BackendFetchError("backend_timeout") },
    {
      name: "the adapter cannot reach the backend",
      error: new BackendError("unavailable", "down"),
    },
  ])(
    "says the backend cannot be reached when $name, without logging it as a failure",
    async ({ error }) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await expect(readForPage("test", () => Promise.reject(error))).resolves.toEqual({
        ok: false,
        message: PAGE_READ_MESSAGES.unavailable,
      });
      expect(log).not.toHaveBeenCalled();
    },
  );

  it.each([
    { name: "the token was refused", error: new BackendFetchError("unauthorized") },
    {
      name: "the answer was unexpected",
      error: new BackendFetchError("unexpected_answer", "GET x answered 500"),
    },
    { name: "the path is not allowed", error: new BackendFetchError("not_allowed") },
    { name: "the adapter was refused", error: new BackendError("unauthorized", "401") },
    { name: "the read had a bug", error: new TypeError("x is undefined") },
  ])(
    "says the request was refused when $name, and logs the error under the label",
    async ({ error }) => {
      const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
      await expect(readForPage("dashboard", () => Promise.reject(error))).resolves.toEqual({
        ok: false,
        message: PAGE_READ_MESSAGES.refused,
      });
      expect(log).toHaveBeenCalledWith("[dashboard] backend read failed:", error);
    },
  );
});
