// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { BACKEND_ERROR_CODES, BackendError, isBackendError } from "./errors";

/**
 * Another copy of this module, as a separately built bundle has it (`proxy.ts`
 * and the route handlers each get their own): its `BackendError` is another
 * class, so `instanceof` fails across the two.
 */
async function otherBundlesCopy() {
  vi.resetModules();
  return import("./errors");
}

describe("isBackendError", () => {
  it("recognises an error made by another bundle's copy of the class, with its code", async () => {
    const other = await otherBundlesCopy();
    const error = new other.BackendError("unavailable", "refresh answered 503", 503);
    expect(error instanceof BackendError).toBe(false);
    expect(isBackendError(error)).toBe(true);
    expect(isBackendError(error, "unavailable")).toBe(true);
    expect(isBackendError(error, "refresh_rejected")).toBe(false);
  });

  it("is recognised by another bundle's copy of the check", async () => {
    const other = await otherBundlesCopy();
    expect(other.isBackendError(new BackendError("refresh_rejected", "invalid_grant"))).toBe(true);
  });

  it("matches exactly the codes asked for, whatever the error's code", () => {
    const code = fc.constantFrom(...BACKEND_ERROR_CODES);
    fc.assert(
      fc.property(code, fc.uniqueArray(code), (actual, asked) => {
        const error = new BackendError(actual, "x");
        expect(isBackendError(error, ...asked)).toBe(asked.length === 0 || asked.includes(actual));
      }),
    );
  });

  it.each([
    ["a plain Error", new Error("unavailable")],
    ["an object that only looks like one", { name: "BackendError", code: "unavailable" }],
    [
      "a branded object with a code that does not exist",
      { [Symbol.for("create-next-jwt-auth.BackendError")]: true, code: "teapot" },
    ],
    ["a string", "unavailable"],
    ["null", null],
    ["undefined", undefined],
  ])("refuses %s", (_label, value) => {
    expect(isBackendError(value)).toBe(false);
  });
});
