import type { MockRequest, MockResponse } from "../kit/http";

export const JSON_API_MEDIA_TYPE = "application/vnd.api+json";

/** The `jsonapi` member Drupal puts on every document. */
export const JSON_API_MEMBER = {
  version: "1.0",
  meta: { links: { self: { href: "http://jsonapi.org/format/1.0/" } } },
};

/** The site's base URL as the client addressed it (Drupal builds its links the same way). */
export function siteUrl(request: MockRequest): string {
  return `http://${request.headers.host ?? "127.0.0.1"}`;
}

/** Did the client ask for JSON:API? Without it Drupal renders errors as plain JSON. */
export function wantsJsonApi(request: MockRequest): boolean {
  return (request.headers.accept ?? "").includes(JSON_API_MEDIA_TYPE);
}

export function jsonApiDocument(request: MockRequest, body: Record<string, unknown>): MockResponse {
  return {
    status: 200,
    headers: { "Content-Type": JSON_API_MEDIA_TYPE },
    body: {
      jsonapi: JSON_API_MEMBER,
      ...body,
      links: { self: { href: siteUrl(request) + request.path } },
    },
  };
}

const STATUS_TITLES: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

/**
 * A refusal: a JSON:API error document (with `status` as a string) when the
 * client asked for JSON:API, `{"message"}` otherwise.
 */
export function errorResponse(
  request: MockRequest,
  status: 401 | 403 | 404,
  detail: string,
  headers: Record<string, string> = {},
): MockResponse {
  if (!wantsJsonApi(request)) {
    return {
      status,
      headers: { ...headers, "Content-Type": "application/json" },
      body: { message: detail },
    };
  }
  return {
    status,
    headers: { ...headers, "Content-Type": JSON_API_MEDIA_TYPE },
    body: {
      jsonapi: JSON_API_MEMBER,
      errors: [
        {
          title: STATUS_TITLES[status],
          status: String(status),
          detail,
          links: { via: { href: siteUrl(request) + request.path } },
        },
      ],
    },
  };
}
