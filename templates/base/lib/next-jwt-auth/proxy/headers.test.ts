// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { backendRequestHeaders, browserResponseHeaders } from "./headers";

describe("backendRequestHeaders", () => {
  const incoming = new Headers({
    accept: "application/json",
    "accept-language": "de",
    "content-type": "application/json",
    "if-none-match": '"v1"',
    cookie: "__Host-next-auth.session-token=secret",
    authorization: "Bearer browser-supplied",
    host: "app.example",
    "x-forwarded-for": "1.2.3.4",
    "x-forwarded-host": "evil.example",
    "x-middleware-subrequest": "middleware",
    "x-real-ip": "1.2.3.4",
    connection: "keep-alive, x-custom",
    "x-custom": "1",
    origin: "http://app.example",
  });

  it.each([
    ["accept", "application/json"],
    ["accept-language", "de"],
    ["content-type", "application/json"],
    ["if-none-match", '"v1"'],
    ["authorization", "Bearer server-token"],
  ])("sends %s", (name, value) => {
    expect(backendRequestHeaders(incoming, "server-token", {}).get(name)).toBe(value);
  });

  it.each([
    ["cookie"],
    ["host"],
    ["x-forwarded-for"],
    ["x-forwarded-host"],
    ["x-middleware-subrequest"],
    ["x-real-ip"],
    ["connection"],
    ["x-custom"],
    ["origin"],
  ])("never sends %s", (name) => {
    expect(backendRequestHeaders(incoming, "server-token", {}).has(name)).toBe(false);
  });

  it("replaces the browser's Authorization with the server's token", () => {
    const headers = backendRequestHeaders(incoming, "server-token", {});
    expect(headers.get("authorization")).toBe("Bearer server-token");
  });

  it.each([
    [undefined, "application/vnd.api+json"],
    ["*/*", "application/vnd.api+json"],
    ["application/json", "application/vnd.api+json"],
    ["application/json, */*;q=0.8", "application/vnd.api+json"],
    ["image/png", "image/png"],
    ["text/csv, */*;q=0.1", "text/csv, */*;q=0.1"],
  ])(
    "sends the style's Accept for a browser Accept of %s, else keeps it (→ %s)",
    (accept, sent) => {
      const style = { Accept: "application/vnd.api+json" };
      const incoming = new Headers(accept === undefined ? {} : { accept });
      expect(backendRequestHeaders(incoming, "t", style).get("accept")).toBe(sent);
    },
  );

  it("keeps the browser's Accept when the style has none of its own", () => {
    expect(backendRequestHeaders(incoming, "t", {}).get("accept")).toBe("application/json");
  });
});

describe("browserResponseHeaders", () => {
  const backend = new Headers({
    "content-type": "application/json",
    etag: '"v2"',
    "cache-control": "private, max-age=0",
    "set-cookie": "backend_session=1",
    "content-encoding": "gzip",
    "content-length": "123",
    "transfer-encoding": "chunked",
    connection: "keep-alive, etag",
    "keep-alive": "timeout=5",
    trailer: "x",
    upgrade: "h2c",
    "proxy-authenticate": "Basic",
    location: "http://127.0.0.1:4010/internal",
    server: "internal-backend/1.0",
    "x-powered-by": "PHP",
  });

  it.each([["content-type"], ["cache-control"]])("passes %s on", (name) => {
    expect(browserResponseHeaders(backend).get(name)).toBe(backend.get(name));
  });

  it.each([
    ["set-cookie"],
    ["content-encoding"],
    ["content-length"],
    ["transfer-encoding"],
    ["connection"],
    ["keep-alive"],
    ["trailer"],
    ["upgrade"],
    ["proxy-authenticate"],
    ["location"],
    ["server"],
    ["x-powered-by"],
    ["etag"],
  ])("drops %s", (name) => {
    // etag is allowed in general but named in Connection here, which makes it hop-by-hop.
    expect(browserResponseHeaders(backend).has(name)).toBe(false);
  });
});
