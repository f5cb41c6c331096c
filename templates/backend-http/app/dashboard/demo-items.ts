import "server-only";
import { z } from "zod";
import { backendJson } from "@/lib/next-jwt-auth/backend-json";

/** The demo resource the dashboard lists: replace it with your own (under an allowed prefix). */
export const DEMO_RESOURCE_PATH = "api/items";

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
export const demoItems = () => backendJson(DEMO_RESOURCE_PATH, itemsSchema);
