import type { Clock } from "../clock.js";

/**
 * Drupal's flood service with the user module's defaults (`user.flood`):
 * 50 failed logins per IP address an hour, 5 per account (keyed by uid and
 * IP, as with `uid_only: false`) in six hours.
 */
export const FLOOD_LIMITS = {
  ipLimit: 50,
  ipWindow: 3600,
  userLimit: 5,
  userWindow: 21_600,
} as const;

const IP_EVENT = "user.failed_login_ip";
const USER_EVENT = "user.failed_login_user";

export class Flood {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  private key(name: string, identifier: string): string {
    return `${name}\u0000${identifier}`;
  }

  /** flood->isAllowed(): fewer than `threshold` events within `window` seconds. */
  isAllowed(name: string, identifier: string, threshold: number, window: number): boolean {
    const since = this.clock.now() - window * 1000;
    const times = this.events.get(this.key(name, identifier)) ?? [];
    return times.filter((time) => time > since).length < threshold;
  }

  register(name: string, identifier: string): void {
    const key = this.key(name, identifier);
    const times = this.events.get(key) ?? [];
    times.push(this.clock.now());
    this.events.set(key, times);
  }

  clearEvent(name: string, identifier: string): void {
    this.events.delete(this.key(name, identifier));
  }

  clear(): void {
    this.events.clear();
  }

  // The login policy, as the user module applies it.

  ipBlocked(ip: string): boolean {
    return !this.isAllowed(IP_EVENT, ip, FLOOD_LIMITS.ipLimit, FLOOD_LIMITS.ipWindow);
  }

  userBlocked(uid: number, ip: string): boolean {
    return !this.isAllowed(USER_EVENT, `${uid}-${ip}`, FLOOD_LIMITS.userLimit, FLOOD_LIMITS.userWindow);
  }

  /** A failed login: always against the IP, against the account when the name matched one. */
  registerFailure(ip: string, uid: number | undefined): void {
    this.register(IP_EVENT, ip);
    if (uid !== undefined) this.register(USER_EVENT, `${uid}-${ip}`);
  }

  /** A successful login clears the account's failures (not the IP's). */
  registerSuccess(uid: number, ip: string): void {
    this.clearEvent(USER_EVENT, `${uid}-${ip}`);
  }
}
