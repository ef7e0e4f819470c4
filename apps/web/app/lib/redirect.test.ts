import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

/** Where a browser on https://vigil.example goes when it receives `Location: <location>`. */
function followed(location: string): string {
  return new URL(location, "https://vigil.example/sign-in").origin;
}

describe("safeRedirect", () => {
  it("keeps paths on this origin, as the URL parser reads them", () => {
    expect(safeRedirect("/t/acme/visits?status=planned#top")).toBe("/t/acme/visits?status=planned#top");
    expect(safeRedirect("/invitations/abc")).toBe("/invitations/abc");
    expect(safeRedirect("/a/../b")).toBe("/b");
  });

  it("refuses every target a browser would follow to another origin", () => {
    const attacks = [
      "/\t/evil.example/phish",
      "/%09/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\/evil.example",
      "/.//evil.example",
      "/x/..//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " //evil.example",
      "/ /evil.example",
    ];
    for (const attack of attacks) {
      const target = safeRedirect(attack);
      expect(followed(target), JSON.stringify(attack)).toBe("https://vigil.example");
    }
    expect(safeRedirect("/\t/evil.example/phish")).toBe("/workspaces");
    expect(safeRedirect("/.//evil.example")).toBe("/workspaces");
  });

  it("falls back when there is no target", () => {
    expect(safeRedirect(null)).toBe("/workspaces");
    expect(safeRedirect("", "/")).toBe("/");
  });
});
