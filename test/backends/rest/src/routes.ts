import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthService } from "./auth-service.js";
import { HttpError, MESSAGES } from "./errors.js";
import type { Flavor } from "./flavors.js";
import { bearerToken, readJsonBody, sendEmpty, sendError, sendJson } from "./http.js";
import { ITEMS } from "./users.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

interface Route {
  method: "GET" | "POST";
  path: string;
  handle: Handler;
}

/** The flavor's auth API, the demo resource and the test-control endpoints. */
export function routes(flavor: Flavor, service: AuthService): Route[] {
  const { paths } = flavor;
  return [
    {
      method: "POST",
      path: paths.login,
      handle: async (request, response) => {
        const { user, pair } = await service.login(await readJsonBody(request));
        sendJson(response, 200, flavor.loginAnswer(user, pair));
      },
    },
    {
      method: "POST",
      path: paths.refresh,
      handle: async (request, response) => {
        const pair = await service.refresh(await readJsonBody(request));
        sendJson(response, 200, flavor.refreshAnswer(pair));
      },
    },
    {
      method: "GET",
      path: paths.me,
      handle: async (request, response) => {
        const { user } = await service.authenticate(bearerToken(request), true);
        sendJson(response, 200, flavor.meAnswer(user));
      },
    },
    {
      method: "POST",
      path: paths.logout,
      handle: async (request, response) => {
        await service.logout(bearerToken(request));
        const { status, body } = flavor.logoutAnswer;
        if (body === undefined) sendEmpty(response, status);
        else sendJson(response, status, body);
      },
    },
    {
      method: "GET",
      path: paths.resource,
      handle: async (request, response) => {
        await service.authenticate(bearerToken(request), true);
        sendJson(response, 200, flavor.resourceAnswer(ITEMS));
      },
    },
    {
      method: "GET",
      path: "/__mock/stats",
      handle: async (_request, response) => sendJson(response, 200, service.stats),
    },
    {
      method: "POST",
      path: "/__mock/reset",
      handle: async (_request, response) => {
        service.reset();
        sendEmpty(response, 204);
      },
    },
  ];
}

/** Dispatch by exact path and method; `{message}` errors for everything that goes wrong. */
export function createRequestHandler(flavor: Flavor, service: AuthService) {
  const table = routes(flavor, service);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      const candidates = table.filter((route) => route.path === path);
      if (candidates.length === 0) throw new HttpError(404, MESSAGES.notFound);
      const route = candidates.find((candidate) => candidate.method === request.method);
      if (!route) {
        const allow = candidates.map((candidate) => candidate.method).join(", ");
        throw new HttpError(405, MESSAGES.methodNotAllowed, { Allow: allow });
      }
      await route.handle(request, response);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(response, error);
      } else {
        console.error("[rest-backend] unexpected error:", error);
        sendError(response, new HttpError(500, MESSAGES.internal));
      }
    }
  };
}
