import { isDeepStrictEqual } from "node:util";

/** The outcome of merging package.json as data. */
export interface PackageJsonMerge {
  text: string;
  /**
   * Keys both sides changed differently, where the new version's value was taken
   * (`dependencies.next: yours "16.0.0", now "16.1.0"`): the user should look at them.
   */
  overridden: string[];
}

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseObject(text: string): JsonObject | undefined {
  try {
    const value: Json = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: Json, b: Json) => isDeepStrictEqual(a, b);
const show = (value: Json) => (value === undefined ? "removed" : JSON.stringify(value));

/**
 * One value, three ways: a side that left the base alone takes the other side's
 * value; when both changed it differently, the new version wins and it is noted.
 * `undefined` means the key is absent (added or removed).
 */
function mergeLeaf(key: string, base: Json, user: Json, target: Json, overridden: string[]): Json {
  if (same(user, target)) return user;
  if (same(user, base)) return target;
  if (same(target, base)) return user;
  overridden.push(`${key}: yours ${show(user)}, now ${show(target)}`);
  return target;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isSorted(keys: readonly string[]): boolean {
  return keys.every((key, index) => index === 0 || byCodeUnit(keys[index - 1]!, key) <= 0);
}

/**
 * Merge two levels deep: top-level keys, and inside objects such as
 * `dependencies`, `devDependencies`, `scripts`, `engines`, `pnpm`, key by key.
 * Keys keep the user's order, with new ones after them; an object whose keys the
 * user keeps sorted (dependencies, as package managers write them) stays sorted.
 */
function mergeObjects(prefix: string, base: JsonObject, user: JsonObject, target: JsonObject, overridden: string[], depth: number): JsonObject {
  const keys = [...Object.keys(user), ...Object.keys(target).filter((key) => !Object.hasOwn(user, key))];
  const ordered = isSorted(Object.keys(user)) && Object.keys(user).length > 1 ? [...keys].sort(byCodeUnit) : keys;
  const out: JsonObject = {};
  for (const key of ordered) {
    const [b, u, t] = [base[key], user[key], target[key]].map((value, index) =>
      Object.hasOwn([base, user, target][index]!, key) ? value : undefined,
    );
    const name = prefix ? `${prefix}.${key}` : key;
    const value =
      depth === 0 && isObject(u) && isObject(t) && (b === undefined || isObject(b))
        ? mergeObjects(name, isObject(b) ? b : {}, u, t, overridden, depth + 1)
        : mergeLeaf(name, b, u, t, overridden);
    // defineProperty, not `out[key] =`: a key named `__proto__` stays an ordinary key.
    if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The indentation of the first indented line, so the file keeps its style (two spaces by default). */
function indentOf(text: string): string | number {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? 2;
}

/**
 * Merge package.json as data: our dependencies, scripts and engines move from the
 * base's values to the target's; the user's own additions, and their changes to
 * keys the new version did not change, stay. Undefined when a side is not a JSON
 * object (then the caller falls back to writing the new version beside it).
 */
export function mergePackageJson(user: string, base: string, target: string): PackageJsonMerge | undefined {
  if (user === base) return { text: target, overridden: [] };
  const [u, b, t] = [parseObject(user), parseObject(base), parseObject(target)];
  if (!u || !b || !t) return undefined;
  const overridden: string[] = [];
  const merged = mergeObjects("", b, u, t, overridden, 0);
  const newline = user.endsWith("\n") ? "\n" : "";
  return { text: `${JSON.stringify(merged, null, indentOf(user))}${newline}`, overridden };
}
