// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { isBuiltInMockInDevelopment } from "./built-in-mock";

describe("isBuiltInMockInDevelopment", () => {
  it.each([
    {
      name: "the mock's default address in development",
      url: "http://127.0.0.1:4010",
      env: { NODE_ENV: "development" },
      shown: true,
    },
    {
      name: "localhost on the mock port in development",
      url: "http://localhost:4010",
      env: { NODE_ENV: "development" },
      shown: true,
    },
    {
      name: "a moved mock (MOCK_PORT) in development",
      url: "http://127.0.0.1:4950",
      env: { NODE_ENV: "development", MOCK_PORT: "4950" },
      shown: true,
    },
    {
      name: "the default port once MOCK_PORT moved the mock",
      url: "http://127.0.0.1:4010",
      env: { NODE_ENV: "development", MOCK_PORT: "4950" },
      shown: false,
    },
    {
      name: "the mock in a production build",
      url: "http://127.0.0.1:4010",
      env: { NODE_ENV: "production" },
      shown: false,
    },
    {
      name: "a real backend in development",
      url: "https://api.example.com",
      env: { NODE_ENV: "development" },
      shown: false,
    },
    {
      name: "another local port in development",
      url: "http://127.0.0.1:8080",
      env: { NODE_ENV: "development" },
      shown: false,
    },
    {
      name: "an address that is not a URL",
      url: "not a url",
      env: { NODE_ENV: "development" },
      shown: false,
    },
  ])("$name: $shown", ({ url, env, shown }) => {
    expect(isBuiltInMockInDevelopment(url, env)).toBe(shown);
  });
});
