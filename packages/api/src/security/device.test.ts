import { translator } from "@vigil/i18n";
import { describe, expect, it } from "vitest";
import { deviceLabel } from "./device-label.ts";
import { describeDevice } from "./device.ts";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe("device names", () => {
  it("names a session by its browser and system, in the reader's language", () => {
    expect(deviceLabel(translator("en"), describeDevice(CHROME_LINUX))).toBe("Chrome on Linux");
    expect(deviceLabel(translator("uk"), describeDevice(SAFARI_IPHONE))).toBe("Safari на iOS");
    expect(deviceLabel(translator("sr-Latn"), describeDevice(CHROME_LINUX))).toBe("Chrome na sistemu Linux");
  });

  it("says 'Unknown browser' for a header it cannot read, never the raw header", () => {
    expect(describeDevice("curl/8.0")).toEqual({ browser: null, os: null });
    expect(deviceLabel(translator("en"), describeDevice("curl/8.0"))).toBe("Unknown browser");
    expect(deviceLabel(translator("en"), describeDevice(null))).toBe("Unknown browser");
  });
});
