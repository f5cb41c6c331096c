import type { SimpleOauthVersion } from "./config.js";

/**
 * The Drupal site being emulated: its accounts, its simple_oauth consumers and
 * its content. Fixed UUIDs keep links stable between runs.
 */

export interface Account {
  uid: number;
  uuid: string;
  /** The account name (`name`), what users sign in with. */
  name: string;
  /** What `getDisplayName()` answers (a site hook makes it the full name). */
  displayName: string;
  mail: string;
  password: string;
  /** Blocked accounts cannot sign in. */
  active: boolean;
  created: number;
  changed: number;
  timezone: string;
  langcode: string;
  /** Role machine names besides `authenticated`, which every account has. */
  roles: readonly string[];
}

export const ACCOUNTS: readonly Account[] = [
  {
    uid: 2,
    uuid: "5d3b6a1e-2f4c-4b8e-9a71-0c2d4e6f8a10",
    name: "demo",
    displayName: "Demo User",
    mail: "demo@example.com",
    password: "demo-password",
    roles: ["admin"],
    active: true,
    created: 1_704_067_200,
    changed: 1_735_689_600,
    timezone: "UTC",
    langcode: "en",
  },
  {
    uid: 3,
    uuid: "9b0e7c42-61d5-4f3a-8c2e-7a4b1d9e3f25",
    name: "alice",
    displayName: "Alice Example",
    mail: "alice@example.com",
    password: "alice-password",
    roles: [],
    active: true,
    created: 1_704_153_600,
    changed: 1_735_776_000,
    timezone: "Europe/Berlin",
    langcode: "en",
  },
];

export function accountByUid(uid: number): Account | undefined {
  return ACCOUNTS.find((account) => account.uid === uid);
}

export function accountByUuid(uuid: string): Account | undefined {
  return ACCOUNTS.find((account) => account.uuid === uuid);
}

/**
 * The account a username names. simple_oauth 6.x's password grant also
 * accepts the e-mail address; 5.x only the account name.
 */
export function accountByLogin(
  login: string,
  version: SimpleOauthVersion,
): Account | undefined {
  return (
    ACCOUNTS.find((account) => account.name === login) ??
    (version >= 6 ? ACCOUNTS.find((account) => account.mail === login) : undefined)
  );
}

/** A simple_oauth consumer (Configuration → Simple OAuth → Clients). */
export interface Consumer {
  clientId: string;
  secret: string;
  confidential: boolean;
  /** The grants enabled on the consumer (a 6.x consumer field). */
  grantTypes: readonly string[];
}

export const CONSUMERS: readonly Consumer[] = [
  {
    clientId: "next-app",
    secret: "next-app-secret",
    confidential: true,
    grantTypes: ["password", "refresh_token"],
  },
  // A second consumer, so a refresh token can be shown to another client.
  {
    clientId: "other-app",
    secret: "other-app-secret",
    confidential: true,
    grantTypes: ["password", "refresh_token"],
  },
];

export function consumerById(clientId: string): Consumer | undefined {
  return CONSUMERS.find((consumer) => consumer.clientId === clientId);
}

/**
 * The scopes a consumer is granted when none are asked for, and the only ones
 * it may ask for. 6.x: oauth2_scope config entities on the consumer; 5.x: the
 * consumer's roles, `authenticated` always among them.
 */
export function consumerScopes(version: SimpleOauthVersion): readonly string[] {
  return version >= 6 ? ["basic", "content_reader"] : ["authenticated"];
}

export interface Article {
  nid: number;
  uuid: string;
  title: string;
  body: string;
  authorUid: number;
  published: boolean;
  created: number;
  changed: number;
}

/**
 * Permissions of the authenticated role: "access content" and "view own
 * unpublished content". So demo reads the two published articles but not
 * alice's draft, and alice reads all three.
 */
export const ARTICLES: readonly Article[] = [
  {
    nid: 1,
    uuid: "1f0c8a2b-3d4e-4f51-8a6b-7c8d9e0f1a2b",
    title: "Welcome to the demo site",
    body: "<p>This article is published and readable by every signed-in user.</p>",
    authorUid: 2,
    published: true,
    created: 1_735_689_600,
    changed: 1_735_689_600,
  },
  {
    nid: 2,
    uuid: "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    title: "Refresh tokens rotate",
    body: "<p>Every refresh issues a new refresh token and revokes the old one.</p>",
    authorUid: 3,
    published: true,
    created: 1_735_776_000,
    changed: 1_735_862_400,
  },
  {
    nid: 3,
    uuid: "3b2c4d5e-6f70-4b81-9c0d-1e2f3a4b5c6d",
    title: "Alice's unpublished draft",
    body: "<p>Only alice (and editors) may read this.</p>",
    authorUid: 3,
    published: false,
    created: 1_735_948_800,
    changed: 1_735_948_800,
  },
];

/** Node access for `view`, as core decides it with the permissions above. */
export function canViewArticle(article: Article, viewer: Account | undefined): boolean {
  if (article.published) return true;
  return viewer !== undefined && viewer.uid === article.authorUid;
}
