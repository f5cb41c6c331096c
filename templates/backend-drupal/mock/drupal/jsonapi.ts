import { createHash } from "node:crypto";
import type { MockRequest, MockResponse } from "../kit/http";
import { MOCK_USERS, type MockUser } from "../kit/users";
import { ARTICLES, type MockArticle } from "./content";
import { errorResponse, jsonApiDocument, siteUrl } from "./responses";

/** Who is asking: a signed-in user, or `undefined` for an anonymous request. */
type Viewer = MockUser | undefined;

const NOT_ALLOWED = "The current user is not allowed to GET the selected resource.";

/** `GET /jsonapi`: the resource index, with `meta.links.me` for a signed-in user. */
export function entryPoint(request: MockRequest, viewer: Viewer): MockResponse {
  const site = siteUrl(request);
  const me = viewer && {
    meta: { id: viewer.uuid },
    href: `${site}/jsonapi/user/user/${viewer.uuid}`,
  };
  return jsonApiDocument(request, {
    data: [],
    ...(me ? { meta: { links: { me } } } : {}),
    links: {
      "node--article": { href: `${site}/jsonapi/node/article` },
      "user--user": { href: `${site}/jsonapi/user/user` },
    },
  });
}

/**
 * `GET /jsonapi/node/article`: 200 with the articles the viewer may see; the
 * others are left out and listed under `meta.omitted`, as Drupal does.
 */
export function articleCollection(request: MockRequest): MockResponse {
  const site = siteUrl(request);
  const hidden = ARTICLES.filter((article) => !article.published);
  const omitted = Object.fromEntries(
    hidden.map((article) => {
      const href = `${site}/jsonapi/node/article/${article.uuid}`;
      const key = `item--${createHash("sha256").update(href).digest("base64url").slice(0, 22)}`;
      return [key, { href, meta: { rel: "item", detail: NOT_ALLOWED } }];
    }),
  );
  return jsonApiDocument(request, {
    data: ARTICLES.filter((article) => article.published).map((article) =>
      articleResource(site, article),
    ),
    ...(hidden.length
      ? {
          meta: {
            omitted: {
              detail: "Some resources have been omitted because of insufficient authorization.",
              links: {
                help: {
                  href: "https://www.drupal.org/docs/8/modules/json-api/filtering#filters-access-control",
                },
                ...omitted,
              },
            },
          },
        }
      : {}),
  });
}

/** `GET /jsonapi/node/article/{uuid}`: 403 for an article the viewer may not see. */
export function articleIndividual(request: MockRequest, uuid: string): MockResponse {
  const article = ARTICLES.find((candidate) => candidate.uuid === uuid);
  if (!article) return notConverted(request, "node--article");
  if (!article.published) return errorResponse(request, 403, NOT_ALLOWED);
  return jsonApiDocument(request, { data: articleResource(siteUrl(request), article) });
}

/**
 * `GET /jsonapi/user/user/{uuid}`. Anonymous visitors lack "access user
 * profiles"; `mail` is shown only to the user themselves; the `roles`
 * relationship only to a viewer who may administer users (here: an `admin`).
 */
export function userIndividual(request: MockRequest, viewer: Viewer, uuid: string): MockResponse {
  const user = MOCK_USERS.find((candidate) => candidate.uuid === uuid);
  if (!user) return notConverted(request, "user--user");
  if (!viewer) {
    return errorResponse(
      request,
      403,
      `${NOT_ALLOWED} The 'access user profiles' permission is required and the user must be active.`,
    );
  }
  const self = viewer.id === user.id;
  return jsonApiDocument(request, {
    data: {
      type: "user--user",
      id: user.uuid,
      links: { self: { href: `${siteUrl(request)}/jsonapi/user/user/${user.uuid}` } },
      attributes: {
        display_name: user.name,
        drupal_internal__uid: Number(user.id),
        langcode: "en",
        name: user.username,
        ...(self ? { mail: user.email, timezone: "UTC", status: true } : {}),
      },
      ...(viewer.roles.includes("admin") ? { relationships: { roles: rolesOf(user) } } : {}),
    },
  });
}

/** The `roles` relationship: `authenticated` and the user's own roles, as role identifiers. */
function rolesOf(user: MockUser) {
  return {
    data: ["authenticated", ...user.roles].map((role) => ({
      type: "user_role--user_role",
      id: createHash("sha256").update(role).digest("hex").slice(0, 32),
      meta: { drupal_internal__target_id: role },
    })),
  };
}

function articleResource(site: string, article: MockArticle) {
  return {
    type: "node--article",
    id: article.uuid,
    links: { self: { href: `${site}/jsonapi/node/article/${article.uuid}` } },
    attributes: {
      drupal_internal__nid: article.nid,
      langcode: "en",
      status: article.published,
      title: article.title,
    },
  };
}

function notConverted(request: MockRequest, type: string): MockResponse {
  const [entity, bundle] = type.split("--");
  return errorResponse(
    request,
    404,
    `The "entity" parameter was not converted for the path "/jsonapi/${entity}/${bundle}/{entity}" (route name: "jsonapi.${type}.individual")`,
  );
}
