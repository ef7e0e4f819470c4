import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, matchTotpStep, totpCode, totpStep } from "./totp.ts";

// RFC 6238 Appendix B's SHA-1 key; its 8-digit code at T=59 s is 94287082, so 6 digits give 287082.
const rfcKey = new TextEncoder().encode("12345678901234567890");

describe("TOTP", () => {
  it("matches RFC 6238's test vector", () => {
    expect(totpCode(rfcKey, new Date(59_000))).toBe("287082");
    expect(totpCode(rfcKey, new Date(1_111_111_109_000))).toBe("081804");
  });

  it("accepts the current step and one either side, and nothing further", () => {
    const now = new Date(1_800_000_000_000);
    const step = totpStep(now);
    expect(matchTotpStep(rfcKey, totpCode(rfcKey, now), null, now)).toBe(step);
    expect(matchTotpStep(rfcKey, totpCode(rfcKey, new Date(now.getTime() - 30_000)), null, now)).toBe(step - 1);
    expect(matchTotpStep(rfcKey, totpCode(rfcKey, new Date(now.getTime() - 90_000)), null, now)).toBeNull();
    expect(matchTotpStep(rfcKey, "12345", null, now)).toBeNull();
  });

  it("refuses a code whose step was already used (replay)", () => {
    const now = new Date(1_800_000_000_000);
    const code = totpCode(rfcKey, now);
    expect(matchTotpStep(rfcKey, code, totpStep(now), now)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, hashed independently of case and dashes", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const first = codes[0]!;
    expect(hashRecoveryCode(first.toUpperCase().replace(/-/g, " "))).toEqual(hashRecoveryCode(first));
    expect(hashRecoveryCode(codes[1]!)).not.toEqual(hashRecoveryCode(first));
  });
});
