import { MOCK_ITEMS } from "../kit/users";

export interface MockArticle {
  nid: number;
  uuid: string;
  title: string;
  /** Unpublished articles need "bypass node access", which no mock user has. */
  published: boolean;
}

/** A stable uuid per node id, so links survive a restart. */
const articleUuid = (nid: number) => `3b1f6c2e-9d4a-4f7b-8c2e-${String(nid).padStart(12, "0")}`;

/**
 * The demo articles: the shared MOCK_ITEMS, plus one unpublished article that
 * Drupal leaves out of every collection (listing it under `meta.omitted`) and
 * refuses with 403 on its own.
 */
export const ARTICLES: readonly MockArticle[] = [
  ...MOCK_ITEMS.map((item) => ({
    nid: Number(item.id),
    uuid: articleUuid(Number(item.id)),
    title: item.title,
    published: true,
  })),
  { nid: 199, uuid: articleUuid(199), title: "Draft: editors only", published: false },
];
