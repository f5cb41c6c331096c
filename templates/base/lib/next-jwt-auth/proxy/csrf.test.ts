// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { checkCrossSite, isRefusedBodyType } from "./csrf";

const APP = "http://localhost:3000";

describe("checkCrossSite", () => {
  it.each([
    ["GET", { "sec-fetch-site": "same-origin" }],
    ["GET", { "sec-fetch-site": "none" }],
    ["GET", { "sec-fetch-site": "same-site" }],
    ["GET", {}],
    ["POST", { "sec-fetch-site": "same-origin" }],
    ["DELETE", { "sec-fetch-site": "same-origin", origin: "http://evil.com" }],
    ["POST", { origin: APP }],
    ["PUT", { referer: `${APP}/dashboard` }],
  ])("allows %s with %j", (method, headers) => {
    expect(checkCrossSite(method, new Headers(headers), APP)).toEqual({ ok: true });
  });

  it.each([
    ["GET", { "sec-fetch-site": "cross-site" }],
    ["POST", { "sec-fetch-site": "cross-site", origin: APP }],
    ["POST", { "sec-fetch-site": "same-site" }],
    ["PATCH", { "sec-fetch-site": "none" }],
    ["POST", { origin: "http://evil.com" }],
    ["POST", { origin: "http://localhost:3001" }],
    ["POST", { origin: "null" }],
    ["POST", { referer: "http://evil.com/page" }],
    ["POST", {}],
  ])("refuses %s with %j", (method, headers) => {
    expect(checkCrossSite(method, new Headers(headers), APP).ok).toBe(false);
  });
});

describe("isRefusedBodyType", () => {
  it.each([
    ["text/plain", true],
    ["text/plain;charset=UTF-8", true],
    ["application/x-www-form-urlencoded", true],
    ["multipart/form-data; boundary=x", true],
    ["MULTIPART/FORM-DATA", true],
    ["application/json", false],
    ["application/vnd.api+json", false],
    [null, false],
  ])("%j → refused: %s", (type, refused) => {
    expect(isRefusedBodyType(type)).toBe(refused);
  });
});
