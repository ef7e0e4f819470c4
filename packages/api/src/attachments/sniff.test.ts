import { describe, expect, it } from "vitest";
import { sniffContentType } from "./sniff.ts";

describe("sniffContentType", () => {
  it("recognises JPEG, PNG and PDF by their first bytes", () => {
    expect(sniffContentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBe("image/jpeg");
    expect(sniffContentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffContentType(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
  });

  it("refuses anything else, including HTML and a truncated PNG signature", () => {
    expect(sniffContentType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(sniffContentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });
});
