// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { invalidFields, missingFields } from "./sign-in-fields";

describe("missingFields", () => {
  it.each([
    { username: "", password: "", code: "missing_credentials" },
    { username: "   ", password: "", code: "missing_credentials" },
    { username: "demo", password: "", code: "missing_password" },
    { username: "", password: "secret", code: "missing_username" },
    { username: " \t", password: "secret", code: "missing_username" },
    { username: "demo", password: " ", code: undefined },
    { username: "demo", password: "secret", code: undefined },
  ])("username $username and password $password: $code", ({ username, password, code }) => {
    expect(missingFields(username, password)).toBe(code);
  });
});

describe("invalidFields", () => {
  it.each([
    { code: "missing_credentials", fields: { username: true, password: true } },
    { code: "missing_username", fields: { username: true, password: false } },
    { code: "missing_password", fields: { username: false, password: true } },
    { code: "CredentialsSignin", fields: { username: false, password: false } },
    { code: undefined, fields: { username: false, password: false } },
  ])("$code marks $fields", ({ code, fields }) => {
    expect(invalidFields(code)).toEqual(fields);
  });
});
