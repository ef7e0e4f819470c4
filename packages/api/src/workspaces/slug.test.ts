import { describe, expect, it } from "vitest";
import { slugSchema } from "../core/schemas.ts";
import { slugFromName } from "./slug.ts";

describe("slugFromName", () => {
  it("cuts a long name at a word boundary, not inside a word, and not on a joining word", () => {
    expect(slugFromName("Protector of Human Rights and Freedoms of Montenegro")).toBe("protector-of-human-rights-and-freedoms");
    expect(slugFromName("NPM Serbia")).toBe("npm-serbia");
  });

  it("writes Serbian and Ukrainian Cyrillic and Latin accents in ASCII", () => {
    expect(slugFromName("Заштитник грађана")).toBe("zastitnik-gradjana");
    expect(slugFromName("Уповноважений Верховної Ради з прав людини")).toBe("upovnovazeniy-verhovnoyi-radi-z-prav-lyudini");
    expect(slugFromName("Zaštitnik građana — Đurđevdan")).toBe("zastitnik-gradjana-djurdjevdan");
  });

  it("writes Greek, Georgian and Armenian names in ASCII, so such NPMs do not all get \"workspace\"", () => {
    expect(slugFromName("Συνήγορος του Πολίτη")).toBe("synigoros-tou-politi");
    expect(slugFromName("სახალხო დამცველი")).toBe("sakhalkho-damtsveli");
    expect(slugFromName("Մարդու իրավունքների պաշտպան")).toBe("mardu-iravunkneri-pashtpan");
  });

  it("always makes an address the schema accepts", () => {
    for (const name of ["!!!", "", "a".repeat(80), "Protector of Human Rights and Freedoms of Montenegro", "Омбудсман / Ombudsman (NPM) — 2026", "of of of of of of of of of of of of of of of of of of"]) {
      const slug = slugFromName(name);
      expect(slugSchema.safeParse(slug).success, `${name} → ${slug}`).toBe(true);
      expect(slug.length).toBeLessThanOrEqual(48);
    }
    expect(slugFromName("!!!")).toBe("workspace");
  });
});
