import type { Device } from "./device.ts";

// Browser-safe (no user-agent parser): the account pages name devices with it too (@vigil/api/device-label).

/** The part of i18next's `t` this needs, so the server's translator and react-i18next's both fit. */
type Translate = (key: string, options?: Record<string, string>) => string;

/** "Chrome on Linux", "Chrome", or "Unknown browser", in the reader's language. */
export function deviceLabel(t: Translate, device: Device): string {
  if (device.browser && device.os) return t("sessions.device", { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t("sessions.unknownDevice");
}
