import { describe, expect, it } from "vitest";
import { cleanFileName } from "./attachments.ts";

/** File names are cleaned, not refused, of what names.ts refuses (issue 13 §3, decision 0157). */
describe("cleanFileName", () => {
  it("removes bidi controls, so a name cannot show another extension than it has", () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("\u2067report\u2069.pdf")).toBe("report.pdf");
    expect(cleanFileName("report\u200F.pdf")).toBe("report.pdf");
  });

  it("removes zero-width and other invisible characters, line breaks and controls", () => {
    expect(cleanFileName("re\u200Bport\u00AD\u2060\uFEFF.pdf")).toBe("report.pdf");
    expect(cleanFileName("report\u{E0041}\u3164.pdf")).toBe("report.pdf");
    expect(cleanFileName("report\n\r\u2028\u0085\u0000\u001b.pdf")).toBe("report.pdf");
    expect(cleanFileName('say "hi".pdf')).toBe("say hi.pdf");
  });

  it("keeps readable names in the app's scripts, drops folders, and never returns an empty name", () => {
    expect(cleanFileName("C:\\Users\\x\\Извештај — Ђурђевдан’s visit.pdf")).toBe("Извештај — Ђурђевдан’s visit.pdf");
    expect(cleanFileName("../Звіт №1.pdf")).toBe("Звіт №1.pdf");
    expect(cleanFileName("\u200B\u202E")).toBe("evidence");
  });
});
