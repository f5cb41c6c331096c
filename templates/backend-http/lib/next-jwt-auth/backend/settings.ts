// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { z } from "zod";

/** An endpoint path setting with its default. */
export const pathSetting = (fallback: string) => z.string().trim().min(1).default(fallback);

/** A JSON field name setting with its default. */
export const fieldSetting = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z_$][\w$]*$/, "must be a JSON field name")
    .default(fallback);

/** A logout path setting: `none` (or `-`) when the backend has no logout. */
export const logoutSetting = (fallback: string) => z.string().trim().default(fallback);
