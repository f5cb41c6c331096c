/**
 * The mock backends' users. `demo` is printed by the CLI and the README; it
 * has the role `admin` (and may open `/admin`), `alice` has none.
 */
export interface MockUser {
  /** Numeric id as a string, as the backend gives it. */
  id: string;
  /** The user's entity uuid, for backends that have one. */
  uuid: string;
  username: string;
  email: string;
  name: string;
  password: string;
  /** Role names; each style's mock exposes them in its own shape. */
  roles: readonly string[];
}

export const MOCK_USERS: readonly MockUser[] = [
  {
    id: "1",
    uuid: "5f2b1c0e-8f5d-4c4e-9a51-2d8c6b9f3a10",
    username: "demo",
    email: "demo@example.com",
    name: "Demo User",
    password: "demo-password",
    roles: ["admin"],
  },
  {
    id: "2",
    uuid: "a3c7e9d1-0b4f-4e62-8d3a-9f1b2c4d5e6f",
    username: "alice",
    email: "alice@example.com",
    name: "Alice Example",
    password: "alice-password",
    roles: [],
  },
];

/** Find a user by username (or e-mail, which some backends accept) and password. */
export function findUser(login: string, password: string): MockUser | undefined {
  const user = MOCK_USERS.find((u) => u.username === login || u.email === login);
  return user && user.password === password ? user : undefined;
}

export function userById(id: string): MockUser | undefined {
  return MOCK_USERS.find((u) => u.id === id);
}

/** The demo resource every style serves, in its own shape. */
export const MOCK_ITEMS = [
  { id: "101", title: "Refresh tokens rotate on every use" },
  { id: "102", title: "Tokens never reach the browser" },
  { id: "103", title: "One refresh per session at a time" },
] as const;
