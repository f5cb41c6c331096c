/** The two accounts every independent backend knows (../../README.md), DummyJSON-style. */
export interface User {
  id: number;
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  gender: "female" | "male";
  image: string;
  /** DummyJSON's one role per user (admin, moderator or user); `GET /auth/me` returns it. */
  role: "admin" | "moderator" | "user";
}

export const USERS: readonly User[] = [
  {
    id: 1,
    username: "demo",
    password: "demo-password",
    email: "demo@example.com",
    firstName: "Demo",
    lastName: "User",
    gender: "female",
    image: "https://dummyjson.com/icon/demo/128",
    role: "admin",
  },
  {
    id: 2,
    username: "alice",
    password: "alice-password",
    email: "alice@example.com",
    firstName: "Alice",
    lastName: "Example",
    gender: "female",
    image: "https://dummyjson.com/icon/alice/128",
    role: "user",
  },
];

export function displayName(user: User): string {
  return `${user.firstName} ${user.lastName}`;
}

export function findUserById(id: number): User | undefined {
  return USERS.find((user) => user.id === id);
}

/** The user with these credentials, or undefined (unknown user and wrong password alike). */
export function checkCredentials(username: string, password: string): User | undefined {
  const user = USERS.find((candidate) => candidate.username === username);
  return user && user.password === password ? user : undefined;
}

/** The demo resource: the same list for every signed-in user. */
export const ITEMS: readonly { id: number; title: string }[] = [
  { id: 1, title: "Rotate refresh tokens on every use" },
  { id: 2, title: "Keep tokens out of the browser" },
  { id: 3, title: "Refresh once, even under parallel requests" },
];
