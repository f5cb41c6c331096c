// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it, vi } from "vitest";
import { isSessionStorageUnavailable, SessionStorageUnavailableError } from "./errors";

/** Another copy of this module, as a separately built bundle (proxy.ts, a route handler) has it. */
async function otherBundlesCopy() {
  vi.resetModules();
  return import("./errors");
}

describe("isSessionStorageUnavailable", () => {
  it("recognises an error made by another bundle's copy of the class", async () => {
    const other = await otherBundlesCopy();
    const error = new other.SessionStorageUnavailableError("database locked");
    expect(error instanceof SessionStorageUnavailableError).toBe(false);
    expect(isSessionStorageUnavailable(error)).toBe(true);
  });

  it("recognises a storage's own subclass made by another bundle's copy", async () => {
    const other = await otherBundlesCopy();
    class SessionStoreUnavailableError extends other.SessionStorageUnavailableError {}
    expect(isSessionStorageUnavailable(new SessionStoreUnavailableError("busy"))).toBe(true);
  });

  it.each([
    ["a plain Error", new Error("database down")],
    ["an object that only looks like one", { name: "SessionStorageUnavailableError" }],
    ["null", null],
    ["a string", "SessionStorageUnavailableError"],
  ])("refuses %s", (_label, value) => {
    expect(isSessionStorageUnavailable(value)).toBe(false);
  });
});
