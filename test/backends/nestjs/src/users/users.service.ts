import { Injectable, type OnModuleInit } from "@nestjs/common";
import { hashPassword, verifyPassword, type PasswordHash } from "./password";

export interface User {
  /** The JWT's `sub`: a number, like the recipe's `userId`. */
  userId: number;
  username: string;
  name: string;
  email: string;
  /** The authorization recipe's `roles: Role[]`. */
  roles: readonly string[];
}

interface StoredUser extends User {
  password: PasswordHash;
}

/** The contract's users (test/backends/README.md). */
const SEED = [
  { userId: 1, username: "demo", password: "demo-password", name: "Demo User", email: "demo@example.com", roles: ["admin"] },
  { userId: 2, username: "alice", password: "alice-password", name: "Alice Example", email: "alice@example.com", roles: [] },
] as const;

/**
 * The recipe's in-memory UsersService, with hashed passwords (the recipe keeps them in
 * plain text and says not to).
 */
@Injectable()
export class UsersService implements OnModuleInit {
  private users: StoredUser[] = [];
  /** Checked against for unknown users, so they take as long as a wrong password. */
  private decoy: PasswordHash | undefined;

  async onModuleInit(): Promise<void> {
    this.users = await Promise.all(
      SEED.map(async ({ password, ...user }) => ({ ...user, password: await hashPassword(password) })),
    );
    this.decoy = await hashPassword("no user has this password");
  }

  findById(userId: number): User | undefined {
    const user = this.users.find((u) => u.userId === userId);
    return user && toPublic(user);
  }

  /** The user, when the username exists and the password is theirs. */
  async verifyCredentials(username: string, password: string): Promise<User | undefined> {
    // LoginDto ensures strings; stay safe should validation ever be off (see the metadata test).
    if (typeof username !== "string" || typeof password !== "string") return undefined;
    const user = this.users.find((u) => u.username === username);
    const hash = user?.password ?? this.decoy;
    if (!hash) throw new Error("UsersService used before its module was initialised");
    const ok = await verifyPassword(password, hash);
    return user && ok ? toPublic(user) : undefined;
  }
}

function toPublic({ password: _password, ...user }: StoredUser): User {
  return user;
}
