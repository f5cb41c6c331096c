// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BackendFetchError, isBackendFetchError, type BackendFetchInit } from "./backend-fetch";
import { createBackendJson } from "./backend-json";

const itemsSchema = z.array(z.object({ id: z.string(), title: z.string() }));

/** A `backendJson` over a `backendFetch` that answers `answer`, recording what it was asked. */
function setup(answer: () => Response | Promise<Response>) {
  const calls: { path: string; init: BackendFetchInit | undefined }[] = [];
  const backendJson = createBackendJson(async (path, init) => {
    calls.push({ path, init });
    return answer();
  });
  return { backendJson, calls };
}

describe("backendJson", () => {
  it("returns the answer as the schema parses it, having asked for JSON", async () => {
    const { backendJson, calls } = setup(() => Response.json([{ id: "1", title: "First" }]));
    await expect(backendJson("api/items", itemsSchema)).resolves.toEqual([
      { id: "1", title: "First" },
    ]);
    expect(new Headers(calls[0]?.init?.headers).get("accept")).toBe("application/json");
  });

  it("keeps the caller's method, body and own accept header", async () => {
    const { backendJson, calls } = setup(() => Response.json({}));
    await backendJson("api/items", z.object({}), {
      method: "POST",
      body: "{}",
      headers: { accept: "application/vnd.api+json" },
    });
    expect(calls[0]?.path).toBe("api/items");
    expect(calls[0]?.init?.method).toBe("POST");
    expect(calls[0]?.init?.body).toBe("{}");
    expect(new Headers(calls[0]?.init?.headers).get("accept")).toBe("application/vnd.api+json");
  });

  it.each([
    {
      name: "a 404",
      answer: () => new Response("not here", { status: 404 }),
      detail: "GET api/items answered 404",
    },
    {
      name: "a 500",
      answer: () => Response.json({ error: "boom" }, { status: 500 }),
      detail: "answered 500",
    },
    {
      name: "a body that is not JSON",
      answer: () => new Response("<html>"),
      detail: "GET api/items answered a body that is not JSON",
    },
    {
      name: "JSON of another shape",
      answer: () => Response.json({ items: "none" }),
      detail: "JSON of another shape",
    },
  ])("throws unexpected_answer for $name, naming the call", async ({ answer, detail }) => {
    const { backendJson } = setup(answer);
    const error: unknown = await backendJson("api/items", itemsSchema).catch((e: unknown) => e);
    expect(isBackendFetchError(error, "unexpected_answer")).toBe(true);
    expect((error as Error).message).toContain(detail);
  });

  it("lets backendFetch's own errors through unchanged", async () => {
    const thrown = new BackendFetchError("backend_timeout");
    const { backendJson } = setup(() => Promise.reject(thrown));
    await expect(backendJson("api/items", itemsSchema)).rejects.toBe(thrown);
  });
});
