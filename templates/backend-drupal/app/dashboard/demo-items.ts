import "server-only";
import { z } from "zod";
import { backendJson } from "@/lib/next-jwt-auth/backend-json";

/** The demo resource the dashboard lists: replace it with your own (under an allowed prefix). */
export const DEMO_RESOURCE_PATH = "jsonapi/node/article";

/**
 * A JSON:API collection of articles, as `{ id, title }` items. Articles the
 * user may not see are left out and listed under `meta.omitted`, which is
 * accepted but not needed.
 */
const articlesSchema = z
  .object({
    data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ title: z.string() }) })),
    meta: z.object({ omitted: z.unknown().optional() }).optional(),
  })
  .transform((body) => body.data.map(({ id, attributes }) => ({ id, title: attributes.title })));

/**
 * The demo items, read on the server with the signed-in user's access token.
 * `backendJson` asks for JSON, which lib/backend/forwarding.ts turns into
 * JSON:API's media type.
 */
export const demoItems = () => backendJson(DEMO_RESOURCE_PATH, articlesSchema);
