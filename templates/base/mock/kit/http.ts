import type { IncomingMessage, ServerResponse } from "node:http";

/** A request as the mock handlers see it: everything already read and parsed. */
export interface MockRequest {
  method: string;
  /** Path without the query string, not decoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Raw body text. */
  text: string;
  /** `Authorization: Bearer <token>`'s token, if any. */
  bearer: string | undefined;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string. */
  body?: unknown;
}

/** A style's mock: answers a request, or `undefined` for "not mine" (→ 404). */
export type MockHandler = (request: MockRequest) => Promise<MockResponse | undefined>;

/** Read and parse an incoming request. */
export async function readRequest(req: IncomingMessage): Promise<MockRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://mock.invalid");
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : undefined;
  return {
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    text: Buffer.concat(chunks).toString("utf8"),
    bearer,
  };
}

/** Parse a JSON body; `undefined` when it is not JSON. */
export function jsonBody(request: MockRequest): unknown {
  try {
    return JSON.parse(request.text) as unknown;
  } catch {
    return undefined;
  }
}

/** Parse an `application/x-www-form-urlencoded` body. */
export function formBody(request: MockRequest): URLSearchParams {
  return new URLSearchParams(request.text);
}

/** Write a `MockResponse`. */
export function writeResponse(res: ServerResponse, response: MockResponse): void {
  const isText = typeof response.body === "string";
  const payload =
    response.body === undefined
      ? ""
      : isText
        ? (response.body as string)
        : JSON.stringify(response.body);
  const headers: Record<string, string> = { ...response.headers };
  if (payload && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["Content-Type"] = isText ? "text/plain; charset=utf-8" : "application/json";
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
