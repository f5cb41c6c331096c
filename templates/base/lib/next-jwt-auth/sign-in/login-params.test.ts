// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { readLoginParams } from "./login-params";

describe("readLoginParams", () => {
  it.each([
    {
      name: "no query signs in to the dashboard, with nothing to say",
      params: {},
      read: { callbackUrl: "/dashboard", error: undefined, notice: undefined },
    },
    {
      name: "a same-origin callback is kept",
      params: { callbackUrl: "/account?tab=1" },
      read: { callbackUrl: "/account?tab=1", error: undefined, notice: undefined },
    },
    {
      name: "a callback to another site falls back to the dashboard",
      params: { callbackUrl: "/.//evil.example" },
      read: { callbackUrl: "/dashboard", error: undefined, notice: undefined },
    },
    {
      name: "only the first of a repeated key counts",
      params: { callbackUrl: ["/account", "https://evil.example"], reason: ["signed-out", "x"] },
      read: { callbackUrl: "/account", error: undefined, notice: "You have been signed out." },
    },
    {
      name: "a throttled attempt keeps its wait",
      params: { error: "throttled", retryAfter: "30" },
      read: {
        callbackUrl: "/dashboard",
        error: { code: "throttled", retryAfterSeconds: 30 },
        notice: undefined,
      },
    },
    {
      name: "a wait that is not whole seconds below a day is dropped",
      params: { error: "throttled", retryAfter: "1e9" },
      read: {
        callbackUrl: "/dashboard",
        error: { code: "throttled", retryAfterSeconds: undefined },
        notice: undefined,
      },
    },
    {
      name: "an error hides the notice",
      params: { error: "CredentialsSignin", reason: "session-ended" },
      read: {
        callbackUrl: "/dashboard",
        error: { code: "CredentialsSignin", retryAfterSeconds: undefined },
        notice: undefined,
      },
    },
    {
      name: "an unknown reason says nothing",
      params: { reason: "<b>hi</b>" },
      read: { callbackUrl: "/dashboard", error: undefined, notice: undefined },
    },
  ])("$name", ({ params, read }) => {
    expect(readLoginParams(params)).toEqual(read);
  });
});
