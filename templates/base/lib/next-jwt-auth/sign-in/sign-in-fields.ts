// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/** The fields a sign-in needs, and which of them are empty. */
export type MissingFieldsCode = "missing_username" | "missing_password" | "missing_credentials";

/**
 * Which fields an attempt leaves empty, as the error code the login page
 * explains; `undefined` when both are filled. The username counts as empty
 * when it is only spaces (the backend would be asked for `""` otherwise); a
 * password is taken as typed.
 */
export function missingFields(username: string, password: string): MissingFieldsCode | undefined {
  const noUsername = username.trim() === "";
  const noPassword = password === "";
  if (noUsername && noPassword) return "missing_credentials";
  if (noUsername) return "missing_username";
  if (noPassword) return "missing_password";
  return undefined;
}

/** The fields a missing-fields code names: the login form marks them invalid. */
export function invalidFields(code: string | undefined): { username: boolean; password: boolean } {
  return {
    username: code === "missing_username" || code === "missing_credentials",
    password: code === "missing_password" || code === "missing_credentials",
  };
}
