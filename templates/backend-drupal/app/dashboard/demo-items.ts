import "server-only";
import { z } from "zod";
import { backendFetch } from "@/lib/next-jwt-auth/backend-fetch";

/** The demo resource the dashboard lists: replace it with your own (under an allowed prefix). */
export const DEMO_RESOURCE_PATH = "jsonapi/node/article";

export interface DemoItem {
  id: string;
  title: string;
}

/**
 * A JSON:API collection of articles. Articles the user may not see are left
 * out and listed under `meta.omitted`, which is accepted but not needed.
 */
const articlesSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ title: z.string() }) })),
  meta: z.object({ omitted: z.unknown().optional() }).optional(),
});

/** The demo items, read on the server with the signed-in user's access token. */
export async function demoItems(): Promise<DemoItem[]> {
  // backendFetch adds JSON:API's media type (lib/backend/forwarding.ts).
  const response = await backendFetch(DEMO_RESOURCE_PATH);
  if (!response.ok) throw new Error(`GET ${DEMO_RESOURCE_PATH} answered ${response.status}`);
  const parsed = articlesSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`GET ${DEMO_RESOURCE_PATH} answered an unexpected shape`);
  return parsed.data.data.map((article) => ({ id: article.id, title: article.attributes.title }));
}
