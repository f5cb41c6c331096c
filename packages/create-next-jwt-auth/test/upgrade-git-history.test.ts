import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INITIAL_COMMIT_MESSAGE } from "../src/git.js";
import { fileHash } from "../src/manifest.js";
import { blobsByHash, initialCommitFiles } from "../src/upgrade/git-history.js";
import { tempDir } from "./helpers.js";
import { commitAll, git, isolateGit } from "./upgrade-helpers.js";

isolateGit();

function repo(): string {
  const dir = tempDir();
  git(dir, "init", "--quiet");
  return dir;
}

function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
}

describe("blobsByHash", () => {
  it("finds the generated contents of a file the user changed since, by its manifest hash", async () => {
    const dir = repo();
    write(dir, { "app/page.tsx": "generated\n", "lib/[...x]/route.ts": "route\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    write(dir, { "app/page.tsx": "mine\n", "lib/[...x]/route.ts": "my route\n" });
    commitAll(dir);
    const found = await blobsByHash(dir, new Map([["app/page.tsx", fileHash("generated\n")], ["lib/[...x]/route.ts", fileHash("route\n")]]));
    expect(Object.fromEntries([...found].map(([path, bytes]) => [path, bytes.toString()]))).toEqual({
      "app/page.tsx": "generated\n",
      "lib/[...x]/route.ts": "route\n",
    });
  });

  it("finds the contents an earlier upgrade committed, not only the initial commit's", async () => {
    const dir = repo();
    write(dir, { "a.ts": "v1\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    write(dir, { "a.ts": "v2\n" });
    commitAll(dir, "upgrade to 0.2.0");
    write(dir, { "a.ts": "v2 and mine\n" });
    commitAll(dir);
    const found = await blobsByHash(dir, new Map([["a.ts", fileHash("v2\n")]]));
    expect(found.get("a.ts")?.toString()).toBe("v2\n");
  });

  it("gives binary contents back byte for byte", async () => {
    const dir = repo();
    const bytes = Buffer.from([0, 255, 10, 13, 0x80, 0]);
    write(dir, { "icon.png": bytes });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    write(dir, { "icon.png": "replaced" });
    commitAll(dir);
    expect((await blobsByHash(dir, new Map([["icon.png", fileHash(bytes)]]))).get("icon.png")).toEqual(bytes);
  });

  it("leaves out a path whose generated contents were never committed", async () => {
    const dir = repo();
    write(dir, { "a.ts": "mine from the start\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    expect((await blobsByHash(dir, new Map([["a.ts", fileHash("generated\n")]]))).size).toBe(0);
  });

  it("works for an app in a sub-folder of the repository", async () => {
    const dir = repo();
    write(dir, { "apps/web/a.ts": "generated\n", "other/a.ts": "other\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    write(dir, { "apps/web/a.ts": "mine\n" });
    commitAll(dir);
    const found = await blobsByHash(join(dir, "apps/web"), new Map([["a.ts", fileHash("generated\n")]]));
    expect(found.get("a.ts")?.toString()).toBe("generated\n");
  });

  it("finds nothing outside a repository, without failing", async () => {
    expect((await blobsByHash(tempDir(), new Map([["a.ts", fileHash("x")]]))).size).toBe(0);
  });
});

describe("initialCommitFiles", () => {
  it("reads the files of the generator's commit, not the ones changed since", async () => {
    const dir = repo();
    write(dir, { "a.ts": "generated\n", "lib/b.ts": "b\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    write(dir, { "a.ts": "mine\n", "c.ts": "new\n" });
    commitAll(dir);
    const initial = await initialCommitFiles(dir);
    expect(Object.fromEntries([...initial!.files].map(([path, bytes]) => [path, bytes.toString()]))).toEqual({ "a.ts": "generated\n", "lib/b.ts": "b\n" });
  });

  it("takes the oldest commit with the generator's message when a later one repeats it", async () => {
    const dir = repo();
    write(dir, { "a.ts": "first\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    const first = git(dir, "rev-parse", "HEAD");
    write(dir, { "a.ts": "second\n" });
    commitAll(dir, INITIAL_COMMIT_MESSAGE);
    const initial = await initialCommitFiles(dir);
    expect(initial?.commit).toBe(first);
    expect(initial?.files.get("a.ts")?.toString()).toBe("first\n");
  });

  it("does not take a commit whose message only contains the generator's", async () => {
    const dir = repo();
    write(dir, { "a.ts": "x\n" });
    commitAll(dir, `Revert "${INITIAL_COMMIT_MESSAGE}"`);
    expect(await initialCommitFiles(dir)).toBeUndefined();
  });

  it("is undefined when there is no such commit or no repository", async () => {
    const dir = repo();
    write(dir, { "a.ts": "x\n" });
    commitAll(dir, "first");
    expect(await initialCommitFiles(dir)).toBeUndefined();
    expect(await initialCommitFiles(tempDir())).toBeUndefined();
  });
});
