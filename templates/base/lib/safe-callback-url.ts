/**
 * Where to go after signing in: a same-origin relative path, or `fallback`.
 * Refuses protocol-relative (`//evil`), backslash (`/\evil`, browsers read it
 * as `//`), absolute and `javascript:` URLs, control characters and anything
 * that resolves to another origin once parsed.
 */
export function safeCallbackUrl(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = "http://app.invalid";
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return fallback;
  }
  if (parsed.origin !== base) return fallback;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
