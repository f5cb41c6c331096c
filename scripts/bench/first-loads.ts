/** The first-load JavaScript part of section 2: which pages of which app are loaded in Chromium. */
import { join } from "node:path";
import { startBuiltApp } from "../built-app.js";
import { LABELS, type FirstLoad } from "./app-weight.js";
import { launchBrowser, measurePageLoad, signInThroughForm } from "./first-load.js";
import { LOG_DIR, startRestBackend } from "./services.js";
import { startStorageApp } from "./storages.js";
import type { BenchApps } from "./workspace.js";

/** create-next-app's `/`, and our `/login` and (signed in) `/dashboard`, each storage. */
export async function firstLoads(
  apps: BenchApps,
  ports: { app: number; backend: number },
  log: (line: string) => void,
): Promise<FirstLoad[]> {
  const browser = await launchBrowser();
  const backend = await startRestBackend(ports.backend, 3600);
  const loads: FirstLoad[] = [];
  try {
    const peer = await startBuiltApp(apps.peer, { port: ports.app, log: join(LOG_DIR, "app-peer.log") });
    try {
      loads.push({ app: LABELS.peer, page: "/", ...(await measurePageLoad(browser, `${peer.url}/`)) });
    } finally {
      await peer.stop();
    }
    for (const storage of ["jwt", "db-sqlite"] as const) {
      const app = await startStorageApp(apps, storage, { port: ports.app, backend, postgresUrl: "" });
      try {
        const label = storage === "jwt" ? LABELS.jwt : LABELS.db;
        loads.push({ app: label, page: "/login", ...(await measurePageLoad(browser, `${app.url}/login`)) });
        const dashboard = await measurePageLoad(
          browser,
          `${app.url}/dashboard`,
          signInThroughForm(app.url, "demo", "demo-password"),
        );
        loads.push({ app: label, page: "/dashboard", ...dashboard });
        log(`first load ${storage}: /login and /dashboard measured`);
      } finally {
        await app.stop();
      }
    }
  } finally {
    await backend.stop();
    await browser.close();
  }
  return loads;
}
