import { createHash, randomBytes } from "node:crypto";
import { ACCOUNTS, ARTICLES, accountByUid, accountByUuid, canViewArticle, type Account, type Article } from "../site.js";
import { HttpError, JSON_API_OBJECT } from "./errors.js";

/**
 * Drupal core's JSON:API module, read-only (its default), for the resources
 * the app uses: the entry point, user--user and node--article.
 */

export interface JsonApiRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** `http://host:port` the request came to; Drupal's links are absolute. */
  origin: string;
  /** The authenticated account, or undefined for anonymous. */
  account: Account | undefined;
}

type Document = Record<string, unknown>;

const iso = (unix: number): string => new Date(unix * 1000).toISOString().replace(".000Z", "+00:00");

/** Route a JSON:API request; answers the 200 document or throws an HttpError. */
export function jsonApi(request: JsonApiRequest): Document {
  const { path, origin } = request;
  const segments = path.split("/").filter((segment) => segment !== "");
  // segments[0] === "jsonapi"
  const [, entityType, bundle, id, ...rest] = segments;
  const known =
    segments.length === 1 ||
    ((entityType === "user" && bundle === "user") || (entityType === "node" && bundle === "article")) &&
      rest.length === 0;
  if (!known) {
    throw new HttpError(404, `No route found for "${request.method} ${origin}${path}"`);
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    if (segments.length === 1) {
      throw new HttpError(405, `No route found for "${request.method} ${origin}${path}": Method Not Allowed (Allow: GET)`, {
        Allow: "GET",
      });
    }
    // jsonapi.settings:read_only is TRUE by default.
    throw new HttpError(
      405,
      "JSON:API is configured to accept only read operations. Site administrators can configure this at " +
        `${origin}/admin/config/services/jsonapi.`,
    );
  }
  if (segments.length === 1) return entryPoint(request);
  if (entityType === "user") {
    if (id === undefined) return userCollection(request);
    return individualUser(request, id);
  }
  if (id === undefined) return articleCollection(request);
  return individualArticle(request, id);
}

/** `GET /jsonapi`: links to every resource type, and `meta.links.me` for a signed-in user. */
function entryPoint({ origin, account }: JsonApiRequest): Document {
  const links: Record<string, { href: string }> = {};
  for (const type of ["file--file", "node--article", "node--page", "taxonomy_term--tags", "user--user"]) {
    const [entityType, bundle] = type.split("--");
    links[type] = { href: `${origin}/jsonapi/${entityType}/${bundle}` };
  }
  links.self = { href: `${origin}/jsonapi` };
  const document: Document = { jsonapi: JSON_API_OBJECT, data: [] };
  if (account) {
    document.meta = {
      links: {
        me: {
          meta: { id: account.uuid },
          href: `${origin}/jsonapi/user/user/${account.uuid}`,
        },
      },
    };
  }
  document.links = links;
  return document;
}

function userResource(origin: string, user: Account, viewer: Account | undefined): Document {
  const own = viewer?.uid === user.uid;
  return {
    type: "user--user",
    id: user.uuid,
    links: { self: { href: `${origin}/jsonapi/user/user/${user.uuid}` } },
    attributes: {
      display_name: user.displayName,
      drupal_internal__uid: user.uid,
      langcode: user.langcode,
      preferred_langcode: user.langcode,
      preferred_admin_langcode: null,
      name: user.name,
      // The e-mail address is only visible to the account itself (and admins).
      ...(own ? { mail: user.mail } : {}),
      timezone: user.timezone,
      status: user.active,
      created: iso(user.created),
      changed: iso(user.changed),
      access: iso(user.changed),
      login: iso(user.changed),
      ...(own ? { init: user.mail } : {}),
      default_langcode: true,
      path: { alias: null, pid: null, langcode: user.langcode },
    },
    relationships: {
      roles: {
        data: [],
        links: {
          related: { href: `${origin}/jsonapi/user/user/${user.uuid}/roles` },
          self: { href: `${origin}/jsonapi/user/user/${user.uuid}/relationships/roles` },
        },
      },
    },
  };
}

/** User entity access for `view`: the account itself ("access user profiles" is not granted). */
function canViewUser(user: Account, viewer: Account | undefined): boolean {
  return viewer !== undefined && viewer.uid === user.uid;
}

function notConverted(entityType: string, bundle: string): HttpError {
  return new HttpError(
    404,
    `The "entity" parameter was not converted for the path "/jsonapi/${entityType}/${bundle}/{entity}" ` +
      `(route name: "jsonapi.${entityType}--${bundle}.individual")`,
  );
}

function accessDenied(entityType: string, bundle: string, uuid: string): HttpError {
  return new HttpError(403, "The current user is not allowed to GET the selected resource.", {}, {
    id: `/${entityType}--${bundle}/${uuid}`,
    source: { pointer: "/data" },
  });
}

function individualUser({ origin, account }: JsonApiRequest, uuid: string): Document {
  const user = accountByUuid(uuid);
  if (!user) throw notConverted("user", "user");
  if (!canViewUser(user, account)) throw accessDenied("user", "user", uuid);
  const self = `${origin}/jsonapi/user/user/${uuid}`;
  return { jsonapi: JSON_API_OBJECT, data: userResource(origin, user, account), links: { self: { href: self } } };
}

function articleResource(origin: string, article: Article): Document {
  const author = accountByUid(article.authorUid)!;
  const self = `${origin}/jsonapi/node/article/${article.uuid}`;
  return {
    type: "node--article",
    id: article.uuid,
    links: { self: { href: `${self}?resourceVersion=id%3A${article.nid}` } },
    attributes: {
      drupal_internal__nid: article.nid,
      drupal_internal__vid: article.nid,
      langcode: "en",
      revision_timestamp: iso(article.changed),
      revision_log: null,
      status: article.published,
      title: article.title,
      created: iso(article.created),
      changed: iso(article.changed),
      promote: article.published,
      sticky: false,
      default_langcode: true,
      revision_translation_affected: true,
      path: { alias: null, pid: null, langcode: "en" },
      body: { value: article.body, format: "basic_html", processed: article.body, summary: "" },
    },
    relationships: {
      node_type: {
        data: {
          type: "node_type--node_type",
          id: "c8d0b4a2-8f0e-4d51-9a3c-5e7f1b2d4a6c",
          meta: { drupal_internal__target_id: "article" },
        },
        links: {
          related: { href: `${self}/node_type?resourceVersion=id%3A${article.nid}` },
          self: { href: `${self}/relationships/node_type?resourceVersion=id%3A${article.nid}` },
        },
      },
      uid: {
        data: { type: "user--user", id: author.uuid, meta: { drupal_internal__target_id: author.uid } },
        links: {
          related: { href: `${self}/uid?resourceVersion=id%3A${article.nid}` },
          self: { href: `${self}/relationships/uid?resourceVersion=id%3A${article.nid}` },
        },
      },
    },
  };
}

/**
 * `meta.omitted` as JsonApiDocumentTopLevelNormalizer::normalizeOmissionsLinks
 * builds it: a detail, a help link, and one `item--<hash>` link per omitted
 * resource with the access error's detail.
 */
function omittedMeta(omitted: readonly { href: string; detail: string }[]): Document {
  const salt = randomBytes(16).toString("base64url");
  const links: Record<string, unknown> = {
    help: { href: "https://www.drupal.org/docs/8/modules/json-api/filtering#filters-access-control" },
  };
  for (const item of omitted) {
    const hash = createHash("sha256").update(salt + item.href).digest("base64url").slice(0, 7);
    links[`item--${hash}`] = { href: item.href, meta: { rel: "item", detail: item.detail } };
  }
  return {
    detail: "Some resources have been omitted because of insufficient authorization.",
    links,
  };
}

function collection(
  origin: string,
  path: string,
  data: Document[],
  omitted: { href: string; detail: string }[],
): Document {
  const document: Document = { jsonapi: JSON_API_OBJECT, data };
  if (omitted.length > 0) document.meta = { omitted: omittedMeta(omitted) };
  document.links = { self: { href: `${origin}${path}` } };
  return document;
}

const DENIED_DETAIL = "The current user is not allowed to GET the selected resource.";

/** `GET /jsonapi/node/article`: readable articles in `data`, the others under `meta.omitted`. */
function articleCollection({ origin, path, account }: JsonApiRequest): Document {
  const data: Document[] = [];
  const omitted: { href: string; detail: string }[] = [];
  for (const article of ARTICLES) {
    if (canViewArticle(article, account)) data.push(articleResource(origin, article));
    else omitted.push({ href: `${origin}/jsonapi/node/article/${article.uuid}`, detail: DENIED_DETAIL });
  }
  return collection(origin, path, data, omitted);
}

function individualArticle({ origin, account }: JsonApiRequest, uuid: string): Document {
  const article = ARTICLES.find((candidate) => candidate.uuid === uuid);
  if (!article) throw notConverted("node", "article");
  if (!canViewArticle(article, account)) throw accessDenied("node", "article", uuid);
  return {
    jsonapi: JSON_API_OBJECT,
    data: articleResource(origin, article),
    links: { self: { href: `${origin}/jsonapi/node/article/${uuid}` } },
  };
}

/** `GET /jsonapi/user/user`: only the viewer's own account is visible. */
function userCollection({ origin, path, account }: JsonApiRequest): Document {
  const data: Document[] = [];
  const omitted: { href: string; detail: string }[] = [];
  for (const user of ACCOUNTS) {
    if (canViewUser(user, account)) data.push(userResource(origin, user, account));
    else omitted.push({ href: `${origin}/jsonapi/user/user/${user.uuid}`, detail: DENIED_DETAIL });
  }
  return collection(origin, path, data, omitted);
}

