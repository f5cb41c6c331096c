import { describe, expect, it } from "vitest";
import { mergeEnvExample } from "../src/upgrade/merge-env-example.js";

const THEIRS = "create-next-jwt-auth 0.2.0";
const lines = (...text: string[]) => `${text.join("\n")}\n`;
const BASE = lines("# The app's URL.", "NEXTAUTH_URL=http://localhost:3000", "# Old knob.", "OLD_KNOB=1", "# Timeout.", "TIMEOUT_MS=10000");

describe("mergeEnvExample", () => {
  it("takes a clean line merge as it is", () => {
    const user = BASE.replace("NEXTAUTH_URL=http://localhost:3000", "NEXTAUTH_URL=https://example.com");
    const target = `${BASE}# New.\nNEW_KEY=x\n`;
    expect(mergeEnvExample(user, BASE, target, THEIRS)).toEqual({ text: `${user}# New.\nNEW_KEY=x\n`, byVariable: false });
  });

  it("merges by variable instead of writing conflict markers when lines collide", () => {
    // The user changed OLD_KNOB's comment; we dropped OLD_KNOB, changed the timeout and added a key in the same place.
    const user = lines("# The app's URL.", "NEXTAUTH_URL=https://example.com", "# Old knob, which I use.", "OLD_KNOB=1", "# Timeout.", "TIMEOUT_MS=10000");
    const target = lines("# The app's URL.", "NEXTAUTH_URL=http://localhost:3000", "# Database.", "DATABASE_URL=file:x", "# Timeout.", "TIMEOUT_MS=8000");
    const merged = mergeEnvExample(user, BASE, target, THEIRS);
    expect(merged.byVariable).toBe(true);
    expect(merged.text).not.toContain("<<<<<<<");
    expect(merged.text).toBe(
      lines("# The app's URL.", "NEXTAUTH_URL=https://example.com", "# Old knob, which I use.", "# Timeout.", "TIMEOUT_MS=8000", "", "# Database.", "DATABASE_URL=file:x"),
    );
  });

  it("drops a variable we dropped, with its unchanged comment, when the user never changed it", () => {
    const user = lines("# The app's URL.", "NEXTAUTH_URL=https://example.com", "# Old knob.", "OLD_KNOB=1", "# Timeout.", "TIMEOUT_MS=10000");
    const target = lines("# The app's URL (public).", "NEXTAUTH_URL=http://127.0.0.1:3000", "# Timeout.", "TIMEOUT_MS=10000");
    const merged = mergeEnvExample(user, BASE, target, THEIRS);
    expect(merged.text).toBe(lines("# The app's URL.", "NEXTAUTH_URL=https://example.com", "# Timeout.", "TIMEOUT_MS=10000"));
  });

  it("keeps a variable the user deleted deleted", () => {
    const user = lines("# The app's URL.", "NEXTAUTH_URL=http://localhost:3000", "# Timeout.", "TIMEOUT_MS=1");
    const target = lines("# The app's URL!", "NEXTAUTH_URL=http://localhost:3000", "# Old knob.", "OLD_KNOB=2", "# Timeout.", "TIMEOUT_MS=10000");
    expect(mergeEnvExample(user, BASE, target, THEIRS).text).not.toContain("OLD_KNOB");
  });
});
