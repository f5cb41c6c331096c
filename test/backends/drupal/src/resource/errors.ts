import type { IncomingMessage, ServerResponse } from "node:http";
import { accepts, origin, send } from "../http.js";

/** A Symfony HttpException as Drupal throws it, rendered by the request's format. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of the JSON:API error object (id, source). */
    readonly members: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = "HttpError";
  }
}

export const JSON_API_TYPE = "application/vnd.api+json";

/** The `jsonapi` member of every document Drupal's JSON:API module serves. */
export const JSON_API_OBJECT = {
  version: "1.0",
  meta: { links: { self: { href: "http://jsonapi.org/format/1.0/" } } },
} as const;

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
};

/** HttpExceptionNormalizer::getInfoUrl: the RFC 2616 section of the status. */
const INFO_SECTIONS: Record<number, string> = {
  400: "4.1",
  401: "4.2",
  403: "4.4",
  404: "4.5",
  405: "4.6",
  406: "4.7",
};

/** One JSON:API error object, as HttpExceptionNormalizer builds it (`status` a string). */
export function jsonApiErrorObject(error: HttpError, via: string): Record<string, unknown> {
  const section = INFO_SECTIONS[error.status];
  return {
    title: STATUS_TITLES[error.status] ?? "Error",
    status: String(error.status),
    detail: error.message,
    links: {
      via: { href: via },
      ...(section
        ? { info: { href: `https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.${section}` } }
        : {}),
    },
    ...error.members,
  };
}

/**
 * Render an error. A request that asks for `application/vnd.api+json` gets
 * a JSON:API error document; any other gets core's plain JSON rendering,
 * `{"message": "…"}`. The exception's headers (the Bearer challenge) are
 * kept either way.
 */
export function sendHttpError(
  request: IncomingMessage,
  response: ServerResponse,
  error: HttpError,
  jsonApiRoute: boolean,
): void {
  if (jsonApiRoute && accepts(request, JSON_API_TYPE)) {
    const via = `${origin(request)}${request.url ?? "/"}`;
    send(
      response,
      error.status,
      { "Content-Type": JSON_API_TYPE, ...error.headers },
      { jsonapi: JSON_API_OBJECT, errors: [jsonApiErrorObject(error, via)] },
    );
    return;
  }
  send(
    response,
    error.status,
    { "Content-Type": "application/json", ...error.headers },
    { message: error.message },
  );
}
