// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createTokenCipher,
  hashSessionId,
  isSessionIdShaped,
  newSessionId,
  TokenDecryptError,
} from "./crypto";

describe("session ids", () => {
  it("are 32 random bytes in base64url and never repeat", () => {
    const ids = Array.from({ length: 200 }, newSessionId);
    for (const id of ids) {
      expect(Buffer.from(id, "base64url")).toHaveLength(32);
      expect(isSessionIdShaped(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("are stored as their SHA-256 in hex", () => {
    const id = newSessionId();
    expect(hashSessionId(id)).toBe(createHash("sha256").update(id).digest("hex"));
    expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(["", "short", `${"A".repeat(42)}=`, `${"A".repeat(42)}/`, "A".repeat(44)])(
    "rejects %j as not session-id shaped",
    (value) => {
      expect(isSessionIdShaped(value)).toBe(false);
    },
  );
});

describe("token cipher", () => {
  const cipher = createTokenCipher("current-secret");

  it("round-trips a token without showing it in the sealed value", () => {
    const sealed = cipher.encrypt("my-refresh-token", "row:refresh_token");
    expect(sealed).not.toContain("my-refresh-token");
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cipher.decrypt(sealed, "row:refresh_token")).toBe("my-refresh-token");
  });

  it("seals the same token differently every time", () => {
    expect(cipher.encrypt("t", "c")).not.toBe(cipher.encrypt("t", "c"));
  });

  const sealed = cipher.encrypt("my-token", "row-a:access_token");
  const [format, keyId, iv, body] = sealed.split(".") as [string, string, string, string];
  const flipped = Buffer.from(body, "base64url");
  flipped[0] = flipped[0]! ^ 1;

  it.each([
    ["another row or column", sealed, "row-b:access_token"],
    [
      "a flipped ciphertext bit",
      [format, keyId, iv, flipped.toString("base64url")].join("."),
      "row-a:access_token",
    ],
    ["an unknown key id", [format, "AAAAAAAA", iv, body].join("."), "row-a:access_token"],
    ["a truncated value", sealed.slice(0, 20), "row-a:access_token"],
    ["another format", `v0.${keyId}.${iv}.${body}`, "row-a:access_token"],
  ])("refuses to decrypt for %s", (_label, value, context) => {
    expect(() => cipher.decrypt(value, context)).toThrow(TokenDecryptError);
  });

  it("decrypts values of the previous secret during a rotation and encrypts with the current one", () => {
    const old = createTokenCipher("old-secret");
    const rotating = createTokenCipher("new-secret,old-secret");
    const newOnly = createTokenCipher(["new-secret"]);
    expect(rotating.decrypt(old.encrypt("t1", "c"), "c")).toBe("t1");
    expect(newOnly.decrypt(rotating.encrypt("t2", "c"), "c")).toBe("t2");
    expect(() => newOnly.decrypt(old.encrypt("t3", "c"), "c")).toThrow(TokenDecryptError);
  });

  it("needs at least one secret", () => {
    expect(() => createTokenCipher(" , ")).toThrow(/no secret/);
  });
});
