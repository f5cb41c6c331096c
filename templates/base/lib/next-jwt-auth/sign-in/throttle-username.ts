// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
/**
 * The form of a username the login throttle counts under, so that the
 * spellings a backend may take for one account share one counter: `alice`,
 * ` Alice `, `ALICE`, `ａｌｉｃｅ` (full-width) and `alice` with a soft hyphen
 * or a zero-width space in it are one key.
 *
 * Unicode NFKC (compatibility forms: full-width letters, ligatures, odd
 * spaces), then a case fold (upper then lower case, so `ß` and `SS`, final
 * and inner sigma agree), invisible format characters removed, whitespace
 * runs made one space, trimmed; repeated until nothing changes. Merging
 * spellings can only make the throttle stricter: two keys that should have
 * been apart share a limit, never the other way round.
 *
 * What no key can know is a backend's own aliases (an e-mail address for a
 * username, an id): those only the backend's own flood control can count.
 */
export function throttleUsername(username: string): string {
  let key = username;
  for (let round = 0; round < 4; round++) {
    const next = key
      .normalize("NFKC")
      .toUpperCase()
      .toLowerCase()
      .normalize("NFKC")
      .replace(/\p{Cf}/gu, "")
      .replace(/\s+/gu, " ")
      .trim();
    if (next === key) break;
    key = next;
  }
  return key;
}
