// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import type { BackendUser } from "@/lib/next-jwt-auth/backend/types";
import { roleFor } from "./protected-routes";

/**
 * True when the user has `role`, by its exact name. On the server it decides
 * (through `requireSession` and `requireRole`); in the browser the roles are a
 * copy for display, and hiding a link there protects nothing.
 */
export function hasRole(user: Pick<BackendUser, "roles">, role: string): boolean {
  return user.roles.includes(role);
}

/**
 * True when the user may open `pathname`: it needs no role in `app.config.ts`,
 * or one the user has. For links (the header shows `/admin` only to admins);
 * the page's own `requireSession()` is what refuses.
 */
export function mayOpen(user: Pick<BackendUser, "roles">, pathname: string): boolean {
  const role = roleFor(pathname);
  return role === undefined || hasRole(user, role);
}
