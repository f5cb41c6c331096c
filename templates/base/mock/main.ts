/**
 * Start the built-in mock backend: `tsx mock/main.ts` (the `dev` and `mock`
 * scripts do it for you). Lifetimes are short on purpose so that refresh
 * rotation is easy to watch; change them with the env variables below.
 *
 * It reads `.env.local` and `.env` as Next does (variables already set in the
 * shell win), so `MOCK_PORT` there moves the mock, and `BACKEND_URL`, which
 * `.env.example` builds from `MOCK_PORT`, follows it.
 */
import { existsSync } from "node:fs";
import { createMockBackend } from "./backend";
import { serveMock } from "./kit/server";
import { isPortInUse, portInUseMessage } from "./port-in-use";

// Lines carry no "[mock]" prefix: `npm run dev` (concurrently) adds one.
for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} must be a positive whole number, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const port = seconds("MOCK_PORT", 4010);
const backend = await createMockBackend({
  accessTtlSeconds: seconds("MOCK_ACCESS_TTL", 60),
  refreshTtlSeconds: seconds("MOCK_REFRESH_TTL", 3600),
});
const running = await serveMock(backend, port).catch((error: unknown) => {
  if (!isPortInUse(error)) throw error;
  console.error(portInUseMessage(port));
  process.exit(1);
});
console.log(`${process.env.MOCK_NAME ?? "mock backend"} listening on ${running.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
