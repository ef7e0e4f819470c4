import Bowser from "bowser";

/** What a person recognises of a browser: its name and its operating system ("Chrome", "Linux"). */
export type Device = { browser: string | null; os: string | null };

/**
 * Reads a session's user-agent header with Bowser (MIT; ua-parser-js 2 is AGPL, decision 0242). A
 * header it cannot read (curl, an empty string) gives nulls, and the page says "Unknown browser"
 * rather than showing the raw header.
 */
export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null };
  const parser = Bowser.getParser(userAgent);
  return { browser: parser.getBrowserName() || null, os: parser.getOSName() || null };
}
