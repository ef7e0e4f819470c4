import { describe, expect, it } from "vitest";
import { reportFileName, type ReportDocument } from "./document.ts";

/** Only what the file name reads of a report document. */
const named = (place: string, language: string) =>
  ({ visit: { place: { name: place }, plannedStart: new Date(Date.UTC(2014, 11, 9)) }, report: { language } }) as unknown as ReportDocument;

describe("report file name", () => {
  it("keeps a place's letters, accents included (not 'Poz-arevac')", () => {
    expect(reportFileName(named("KPZ Požarevac–Zabela", "sr-Latn"))).toBe("report-KPZ-Požarevac-Zabela-2014-12-09-sr-Latn.pdf");
    expect(reportFileName(named("Лук'янівський СІЗО", "uk"))).toBe("report-Лук-янівський-СІЗО-2014-12-09-uk.pdf");
  });

  it("names a place without letters after the visit", () => {
    expect(reportFileName(named("—", "en"))).toBe("report-visit-2014-12-09-en.pdf");
  });
});
