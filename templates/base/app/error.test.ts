import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/next-jwt-auth/config/env";
import ErrorPage from "./error";
import GlobalError from "./global-error";

/** The error an invalid `BACKEND_URL` raises, as `lib/next-jwt-auth/config/env.ts` words it. */
function invalidBackendUrl(): Error {
  try {
    parseEnv({ ...process.env, BACKEND_URL: "not a url" });
  } catch (error) {
    return error as Error;
  }
  throw new Error("parseEnv accepted an invalid BACKEND_URL");
}

function render(page: typeof ErrorPage | typeof GlobalError, error: Error): string {
  return renderToStaticMarkup(createElement(page, { error, reset: () => {} }));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each([
  ["the error page", ErrorPage],
  ["the global error page", GlobalError],
])("%s", (_name, page) => {
  it("names the invalid variable in development instead of a bare 500", () => {
    vi.stubEnv("NODE_ENV", "development");
    const html = render(page, invalidBackendUrl());
    expect(html).toContain("The app&#x27;s settings are invalid");
    expect(html).toContain("BACKEND_URL");
  });

  it("never shows an error's message in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const html = render(page, invalidBackendUrl());
    expect(html).not.toContain("BACKEND_URL");
    expect(html).toContain("Something went wrong");
  });

  it("shows an ordinary error's digest, not its message, in development too", () => {
    vi.stubEnv("NODE_ENV", "development");
    const html = render(page, Object.assign(new Error("db password is hunter2"), { digest: "d1" }));
    expect(html).not.toContain("hunter2");
    expect(html).toContain("d1");
  });
});
