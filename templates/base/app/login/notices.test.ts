import { describe, expect, it } from "vitest";
import { loginNotice } from "./notices";

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
