// Maintained by create-next-jwt-auth: `npx create-next-jwt-auth upgrade` updates this file; change it there, not here.
import Bowser from "bowser";

/** What the sessions page says about a signed-in browser. */
export interface DeviceDescription {
  /** "Chrome 131", "Safari 17.5"; "Unknown browser" when the user agent says nothing usable. */
  browser: string;
  /** "macOS 10.15.7", "iOS 17.5", "Linux"; undefined when unknown. */
  os: string | undefined;
  /** "Desktop", "Mobile", "Tablet", "TV", "Bot"; undefined when unknown. */
  device: string | undefined;
}

const DEVICE_TYPES: Record<string, string> = {
  desktop: "Desktop",
  mobile: "Mobile",
  tablet: "Tablet",
  tv: "TV",
  bot: "Bot",
};

/** The major version only for browsers ("131.0.0.0" says no more than "131"). */
function major(version: string | undefined): string | undefined {
  return version?.split(".")[0] || undefined;
}

/**
 * Browser, operating system and kind of device from a stored user agent
 * (bowser: MIT, no dependencies). Only for display: a user agent is whatever
 * the client sent, never something to decide on.
 */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const unknown = { browser: "Unknown browser", os: undefined, device: undefined };
  if (!userAgent?.trim()) return unknown;
  let parsed: Bowser.Parser.ParsedResult;
  try {
    parsed = Bowser.parse(userAgent);
  } catch {
    return unknown;
  }
  const name = parsed.browser.name?.trim();
  const version = major(parsed.browser.version);
  // Windows reports its kernel ("NT 10.0"); its marketing name ("10") is what users know.
  const osVersion = parsed.os.name === "Windows" ? parsed.os.versionName : parsed.os.version;
  const os = parsed.os.name ? [parsed.os.name, osVersion].filter(Boolean).join(" ") : undefined;
  const type = parsed.platform.type ? DEVICE_TYPES[parsed.platform.type] : undefined;
  const model = parsed.platform.model;
  return {
    browser: name ? [name, version].filter(Boolean).join(" ") : "Unknown browser",
    os,
    device: type && model ? `${type} (${model})` : type,
  };
}
