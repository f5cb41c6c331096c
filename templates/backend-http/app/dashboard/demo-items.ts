import "server-only";
import { z } from "zod";
import { backendFetch } from "@/lib/next-jwt-auth/backend-fetch";

/** The demo resource the dashboard lists: replace it with your own (under an allowed prefix). */
export const DEMO_RESOURCE_PATH = "api/items";

export interface DemoItem {
  id: string;
  title: string;
}

const itemSchema = z.object({
  id: z.union([z.string().min(1), z.number().int()]).transform(String),
  title: z.string(),
});

/** A plain array, or an envelope with the array under `items`. */
const itemsSchema = z.union([
  z.array(itemSchema),
  z.object({ items: z.array(itemSchema) }).transform((body) => body.items),
]);

/** The demo items, read on the server with the signed-in user's access token. */
export async function demoItems(): Promise<DemoItem[]> {
  const response = await backendFetch(DEMO_RESOURCE_PATH, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`GET ${DEMO_RESOURCE_PATH} answered ${response.status}`);
  const parsed = itemsSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`GET ${DEMO_RESOURCE_PATH} answered an unexpected shape`);
  return parsed.data;
}
