import { INTL_LOCALE, translator } from "@vigil/i18n";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { authorLabel } from "../ui/attribution";
import { contentLang, ForeignName, joinNodes, withNames } from "./bdi";

/** Names from other workspaces are isolated in <bdi>, also inside translated sentences (decision 0157). */
describe("withNames", () => {
  const t = translator("en");

  it("puts nodes in place of a sentence's values and escapes the names", () => {
    const html = renderToStaticMarkup(<p>{withNames(t).t("forums.organisedBy", { name: <ForeignName name={"NPM \u202Eevil <b>x</b>"} /> })}</p>);
    expect(html).toBe(`<p>${t("forums.organisedBy", { name: "<bdi>NPM \u202Eevil &lt;b&gt;x&lt;/b&gt;</bdi>" })}</p>`);
    expect(html).toContain("<bdi>");
  });

  it("attributes a partner's work as <bdi>Person</bdi> · <bdi>Workspace</bdi>, and the host's own as the person", () => {
    const partner = authorLabel(t, "Андрій", { name: "НПМ України" });
    const own = authorLabel(t, "Marko", null);
    expect(renderToStaticMarkup(<>{partner}</>)).toBe("<bdi>Андрій</bdi> · <bdi>НПМ України</bdi>");
    expect(renderToStaticMarkup(<>{own}</>)).toBe("<bdi>Marko</bdi>");
  });

  it("joins parts like Array.join, leaving out empty ones", () => {
    const parts = ["a", null, <ForeignName key="n" name="b" />, ""];
    expect(renderToStaticMarkup(<>{joinNodes(parts)}</>)).toBe("a · <bdi>b</bdi>");
  });
});

/** Content in the report's language inside another interface language carries `lang` (issue 16 §6). */
describe("contentLang", () => {
  it("names the content's language only where it differs from the interface's", () => {
    expect(contentLang("sr-Cyrl", "sr-Latn")).toBe(INTL_LOCALE["sr-Cyrl"]);
    expect(contentLang("uk", "en")).toBe(INTL_LOCALE.uk);
    expect(contentLang("uk", "uk")).toBeUndefined();
  });

  it("leaves out what is not a language of the interface, or missing", () => {
    expect(contentLang("de", "en")).toBeUndefined();
    expect(contentLang(null, "en")).toBeUndefined();
    expect(contentLang(undefined, "uk")).toBeUndefined();
  });
});
