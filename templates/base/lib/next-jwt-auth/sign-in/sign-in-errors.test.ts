// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { loginNotice, signInFailureMessage, waitDescription } from "./sign-in-errors";

describe("waitDescription", () => {
  it.each([
    [1, "1 second"],
    [30, "30 seconds"],
    [59, "59 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
  ])("%i seconds reads as %s", (seconds, text) => {
    expect(waitDescription(seconds)).toBe(text);
  });
});

describe("signInFailureMessage", () => {
  it.each([
    {
      name: "a throttled attempt with a wait says how long",
      code: "throttled",
      wait: 30,
      message: "Too many attempts. Please wait 30 seconds before trying again.",
    },
    {
      name: "a throttled attempt without a wait says to wait a moment",
      code: "throttled",
      wait: undefined,
      message: "Too many attempts. Please wait a moment before trying again.",
    },
    {
      name: "empty fields say which",
      code: "missing_password",
      wait: undefined,
      message: "Enter your password.",
    },
    {
      name: "an unknown code gets the generic message",
      code: "<script>",
      wait: undefined,
      message: "Sign-in failed. Please try again later.",
    },
    {
      name: "a code named like an Object method gets the generic message",
      code: "toString",
      wait: undefined,
      message: "Sign-in failed. Please try again later.",
    },
    { name: "no code, no message", code: undefined, wait: undefined, message: undefined },
  ])("$name", ({ code, wait, message }) => {
    expect(signInFailureMessage(code, wait)).toBe(message);
  });
});

describe("loginNotice", () => {
  it.each([
    { reason: "signed-out", notice: "You have been signed out." },
    { reason: "session-ended", notice: "Your session ended. Please sign in again." },
    { reason: "sign-in-required", notice: "Please sign in to continue." },
    { reason: "toString", notice: undefined },
    { reason: "<b>hi</b>", notice: undefined },
    { reason: undefined, notice: undefined },
  ])("reason $reason shows $notice", ({ reason, notice }) => {
    expect(loginNotice(reason)).toBe(notice);
  });
});
