import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dryRunText } from "../src/dry-run.js";
import { ENV_LOCAL } from "../src/env-local.js";
import { CliError } from "../src/errors.js";
import { MemoryOutput } from "../src/io.js";
import { templatesRoot } from "../src/layers.js";
import {
  createManifest,
  fileHash,
  isSafeRelativePath,
  MANIFEST_PATH,
  parseManifest,
  serializeManifest,
  type Manifest,
} from "../src/manifest.js";
import { allStacks, PACKAGE_MANAGERS, stackId, type Stack } from "../src/options.js";
import { projectFiles } from "../src/project-files.js";
import { createStyle } from "../src/style.js";
import { CLI_NAME, CLI_VERSION } from "../src/version.js";

const SPEC = "pnpm@10.34.9";
const render = (stack: Stack) =>
  projectFiles({ templatesRoot: templatesRoot(), name: "my-app", stack, packageManager: "pnpm", packageManagerSpec: SPEC });

/** The hash computed independently of `fileHash`, as `openssl dgst -sha256 -binary | base64` would. */
const sri = (bytes: Buffer | string) => `sha256-${createHash("sha256").update(bytes).digest("base64")}`;

const VALID: Manifest = {
  generator: { name: "create-next-jwt-auth", version: "0.1.0" },
  options: { name: "my-app", backend: "rest", session: "db", db: "sqlite", packageManager: "pnpm", packageManagerSpec: SPEC },
  files: { "a.ts": sri("a"), "lib/b.ts": sri("b") },
};

/** The valid manifest's JSON with one change made to a copy. */
function edited(change: (data: Record<string, any>) => void): string {
  const data = JSON.parse(serializeManifest(VALID)) as Record<string, any>;
  change(data);
  return JSON.stringify(data);
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof CliError ? error.code : `not a CliError: ${String(error)}`;
  }
  return undefined;
}

describe("createManifest", () => {
  const tree = new Map([
    ["b.ts", Buffer.from("b")],
    ["B.ts", Buffer.from("B")],
    [".gitignore", Buffer.from("node_modules\n")],
    ["_x/y.ts", Buffer.from("")],
    [ENV_LOCAL, Buffer.from("NEXTAUTH_SECRET=secret\n")],
    [MANIFEST_PATH, Buffer.from("{}\n")],
  ]);
  const manifest = createManifest(tree, { name: "x", backend: "nestjs", session: "jwt", db: undefined, packageManager: "npm", packageManagerSpec: undefined });

  it("lists every file but itself and .env.local, sorted by code unit whatever the locale", () => {
    expect(Object.keys(manifest.files)).toEqual([".gitignore", "B.ts", "_x/y.ts", "b.ts"]);
  });

  it.each([...tree].filter(([path]) => path !== ENV_LOCAL && path !== MANIFEST_PATH))("hashes %s as sha256-<base64> of its bytes", (path, bytes) => {
    expect(manifest.files[path]).toBe(sri(bytes));
    expect(fileHash(bytes)).toBe(sri(bytes));
  });

  it("records this CLI as the generator and leaves out options that were not given", () => {
    expect(manifest.generator).toEqual({ name: CLI_NAME, version: CLI_VERSION });
    expect(manifest.options).toEqual({ name: "x", backend: "nestjs", session: "jwt", packageManager: "npm" });
    expect(serializeManifest(manifest)).not.toContain('"db"');
    expect(serializeManifest(manifest)).not.toContain("packageManagerSpec");
  });

  it("is written pretty-printed with a final newline and says not to edit it", () => {
    const text = serializeManifest(manifest);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text)["//"]).toMatch(/Do not edit/);
  });
});

describe("parseManifest", () => {
  it("reads back what serializeManifest wrote", () => {
    expect(parseManifest(serializeManifest(VALID))).toEqual(VALID);
  });

  it("keeps a file named __proto__ as an ordinary entry", () => {
    const text = '{"generator":{"name":"c","version":"1"},"options":{"name":"a","backend":"rest","session":"jwt","packageManager":"npm"},' +
      `"files":{"__proto__":"${sri("p")}"}}`;
    const files = parseManifest(text).files;
    expect(Object.keys(files)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
    expect(serializeManifest(parseManifest(text))).toContain(`"__proto__": "${sri("p")}"`);
  });

  it("ignores keys it does not know, so a later version may add some", () => {
    expect(parseManifest(edited((data) => (data.later = { x: 1 })))).toEqual(VALID);
  });

  const malformed: [string, string][] = [
    ["text that is not JSON", "{"],
    ["JSON that is not an object", "[]"],
    ["a missing generator", edited((data) => delete data.generator)],
    ["an empty generator version", edited((data) => (data.generator.version = ""))],
    ["a missing options object", edited((data) => delete data.options)],
    ["an unknown backend", edited((data) => (data.options.backend = "rails"))],
    ["an unknown session storage", edited((data) => (data.options.session = "redis"))],
    ["a database without database sessions", edited((data) => (data.options.session = "jwt"))],
    ["database sessions without a database", edited((data) => delete data.options.db)],
    ["an unknown database", edited((data) => (data.options.db = "mysql"))],
    ["an unknown package manager", edited((data) => (data.options.packageManager = "pip"))],
    ["a packageManagerSpec that is not a string", edited((data) => (data.options.packageManagerSpec = 10))],
    ["a missing project name", edited((data) => delete data.options.name)],
    ["files that are a list", edited((data) => (data.files = ["a.ts"]))],
    ["an absolute path", edited((data) => (data.files["/etc/passwd"] = sri("x")))],
    ["a path leaving the app", edited((data) => (data.files["lib/../../x"] = sri("x")))],
    ["a path with a control character", edited((data) => (data.files["lib/a\nb.ts"] = sri("x")))],
    ["a Windows path", edited((data) => (data.files["lib\\x.ts"] = sri("x")))],
    ["the manifest listing itself", edited((data) => (data.files[MANIFEST_PATH] = sri("x")))],
    ["the manifest listing .env.local", edited((data) => (data.files[ENV_LOCAL] = sri("x")))],
    ["a hex hash", edited((data) => (data.files["a.ts"] = createHash("sha256").update("a").digest("hex")))],
    ["a hash of another algorithm", edited((data) => (data.files["a.ts"] = `sha512-${createHash("sha512").update("a").digest("base64")}`))],
  ];
  it.each(malformed)("refuses %s with MANIFEST_INVALID", (_name, text) => {
    expect(codeOf(() => parseManifest(text))).toBe("MANIFEST_INVALID");
  });
});

describe("the manifest format (properties)", () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9_@[\]().+-]{1,12}$/).filter((s) => s !== "." && s !== "..");
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
  const stack = fc.constantFrom(...allStacks());
  const manifest: fc.Arbitrary<Manifest> = fc.record({
    generator: fc.record({ name: fc.string({ minLength: 1 }), version: fc.string({ minLength: 1 }) }),
    stack,
    name: fc.string({ minLength: 1 }),
    packageManager: fc.constantFrom(...PACKAGE_MANAGERS),
    spec: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
    files: fc.dictionary(path.filter((p) => p !== MANIFEST_PATH && p !== ENV_LOCAL), fc.uint8Array().map((bytes) => fileHash(Buffer.from(bytes)))),
  }).map(({ generator, stack, name, packageManager, spec, files }) => ({
    generator,
    options: {
      name,
      backend: stack.backend,
      session: stack.session,
      ...(stack.db ? { db: stack.db } : {}),
      packageManager,
      ...(spec === undefined ? {} : { packageManagerSpec: spec }),
    },
    files,
  }));

  it("reads back every manifest it writes, and writes it again byte for byte", () => {
    fc.assert(
      fc.property(manifest, (m) => {
        const text = serializeManifest(m);
        const parsed = parseManifest(text);
        expect(parsed).toEqual({ ...m, files: { ...m.files } });
        expect(serializeManifest(parsed)).toBe(text);
      }),
    );
  });

  it("either reads any JSON value or refuses it with MANIFEST_INVALID, never another error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), manifest.map(serializeManifest)), (text) => {
        const code = codeOf(() => parseManifest(text));
        expect(code === undefined || code === "MANIFEST_INVALID").toBe(true);
      }),
    );
  });

  it("never accepts a path with an empty, `.` or `..` segment, a leading slash or a backslash", () => {
    const bad = fc.oneof(
      fc.tuple(fc.array(segment), fc.constantFrom("", ".", ".."), fc.array(segment)).map(([a, b, c]) => [...a, b, ...c].join("/")),
      path.map((p) => `/${p}`),
      fc.tuple(path, path).map(([a, b]) => `${a}\\${b}`),
    );
    fc.assert(fc.property(bad, (p) => isSafeRelativePath(p) === false));
    fc.assert(fc.property(path, (p) => isSafeRelativePath(p)));
  });
});

describe.each(allStacks().map((stack) => [stackId(stack), stack] as const))("the %s app's manifest", (_id, stack) => {
  const first = render(stack);
  const second = render(stack);
  const manifest = parseManifest(first.tree.get(MANIFEST_PATH)!.toString("utf8"));

  it("is rendered byte for byte the same twice; only the secret in .env.local differs", () => {
    expect([...second.tree.keys()]).toEqual([...first.tree.keys()]);
    const differing = [...first.tree].filter(([path, bytes]) => !bytes.equals(second.tree.get(path)!)).map(([path]) => path);
    expect(differing).toEqual([ENV_LOCAL]);
  });

  it("lists every other rendered file with the hash of its bytes, and nothing else", () => {
    const expected = Object.fromEntries(
      [...first.tree].filter(([path]) => path !== MANIFEST_PATH && path !== ENV_LOCAL).map(([path, bytes]) => [path, sri(bytes)]),
    );
    expect(manifest.files).toEqual(expected);
    expect(Object.keys(manifest.files)).toEqual(Object.keys(expected).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("records the generator and every option that shaped the files", () => {
    expect(manifest.generator).toEqual({ name: CLI_NAME, version: CLI_VERSION });
    expect(manifest.options).toEqual({
      name: "my-app",
      backend: stack.backend,
      session: stack.session,
      ...(stack.db ? { db: stack.db } : {}),
      packageManager: "pnpm",
      packageManagerSpec: SPEC,
    });
  });

  it("is listed by the dry run", () => {
    const style = createStyle(new MemoryOutput(false), {});
    const text = dryRunText({ name: "my-app", dir: "/x", tree: first.tree, privatePaths: first.privatePaths, installCommand: undefined, git: false, reproduce: "x" }, style);
    expect(text.split("\n")).toContain(`  ${MANIFEST_PATH}`);
  });
});
