import { UAParser } from "ua-parser-js";

/** What a person recognises of a browser: its name and its operating system ("Chrome", "Linux"). */
export type Device = { browser: string | null; os: string | null };

/**
 * Reads a session's user-agent header with ua-parser-js. A header it cannot read (curl, an empty
 * string) gives nulls, and the page says "Unknown browser" rather than showing the raw header.
 */
export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null };
  const { browser, os } = UAParser(userAgent);
  return { browser: browser.name ?? null, os: os.name ?? null };
}
