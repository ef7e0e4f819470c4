import { describe, expect, it } from "vitest";
import { asciiFileName, contentDisposition } from "./content-disposition";

describe("download file names", () => {
  it("keeps the letters of a name in the ASCII fallback", () => {
    expect(asciiFileName("report-Požarevac-Zabela-2014-06-12-sr-Latn.pdf")).toBe("report-Pozarevac-Zabela-2014-06-12-sr-Latn.pdf");
    expect(asciiFileName("report-Полицијска-управа-Крушевац.pdf")).toBe("report-Policijska-uprava-Krusevac.pdf");
    expect(asciiFileName("Ђурђево-Лук'янівська-Їжак.pdf")).toBe("Djurdjevo-Lukyanivska-Yizak.pdf");
    expect(asciiFileName('a"b\\c.pdf')).toBe("a_b_c.pdf");
  });

  it("gives the UTF-8 name in filename* and the ASCII one in filename", () => {
    expect(contentDisposition("Požarevac (1).pdf")).toBe(`attachment; filename="Pozarevac (1).pdf"; filename*=UTF-8''Po%C5%BEarevac%20%281%29.pdf`);
  });
});
