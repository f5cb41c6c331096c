import type { Clock } from "./clock.js";
import type { SimpleOauthVersion } from "./config.js";
import type { Flood } from "./oauth/flood.js";
import type { Keys } from "./oauth/keys.js";
import type { KeyedLock } from "./oauth/lock.js";
import type { TokenStore } from "./oauth/token-store.js";
import type { Stats } from "./stats.js";

/** Everything the emulated site holds while it runs. */
export interface Site {
  version: SimpleOauthVersion;
  accessTtl: number;
  refreshTtl: number;
  clock: Clock;
  keys: Keys;
  tokens: TokenStore;
  flood: Flood;
  lock: KeyedLock;
  stats: Stats;
}
