import type { IncomingMessage, ServerResponse } from "node:http";

/** Small helpers over node:http. */

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: unknown,
): void {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(text)) }),
  });
  response.end(text);
}

/** The media type of a request's body, lower-case, without parameters. */
export function mediaType(request: IncomingMessage): string {
  return (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Whether the request's `Accept` header names a media type. */
export function accepts(request: IncomingMessage, type: string): boolean {
  const header = request.headers.accept ?? "";
  return header
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .includes(type);
}

/** `http://host[:port]` the request was addressed to, for absolute links as Drupal makes them. */
export function origin(request: IncomingMessage): string {
  return `http://${request.headers.host ?? "127.0.0.1"}`;
}

/** HTTP Basic credentials, when the `Authorization` header carries them. */
export function basicCredentials(
  request: IncomingMessage,
): { user: string; password: string } | undefined {
  const header = request.headers.authorization ?? "";
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The client's address, as flood control keys it. */
export function clientIp(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? "unknown";
}
