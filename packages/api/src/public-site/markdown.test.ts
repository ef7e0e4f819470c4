import { describe, expect, it } from "vitest";
import { markdownSummary, renderMarkdown, summaryHtml } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("# Visit\n\nA **night** visit, see [the report](https://example.org/r).")).toBe(
      '<h2>Visit</h2>\n<p>A <strong>night</strong> visit, see <a href="https://example.org/r" rel="noopener noreferrer nofollow">the report</a>.</p>\n',
    );
  });

  it("drops scripts, raw HTML with event handlers, and javascript: links", () => {
    const html = renderMarkdown(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        '<a href="javascript:alert(3)" onclick="alert(4)">raw</a>',
        "[md link](javascript:alert(5))",
        "[encoded](jav&#x61;script:alert(6))",
        '<iframe src="https://evil.example"></iframe>',
        '<p style="color:red" onmouseover="alert(7)">styled</p>',
        "<svg><script>alert(8)</script></svg>",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|onerror|onclick|onmouseover|javascript:|style=|alert\(/i);
    expect(html).toContain("raw");
    expect(html).toContain("styled");
  });

  it("keeps mailto and https links only", () => {
    expect(renderMarkdown("[m](mailto:npm@example.org) [d](data:text/html,hi)")).toBe(
      '<p><a href="mailto:npm@example.org" rel="noopener noreferrer nofollow">m</a> <a rel="noopener noreferrer nofollow">d</a></p>\n',
    );
  });
});

describe("markdownSummary", () => {
  it("is plain text, cut at a word", () => {
    expect(markdownSummary("**Bold** <b>x</b> & more\n\nNext")).toBe("Bold x & more Next");
    expect(markdownSummary("word ".repeat(100), 20)).toBe("word word word word…");
  });

  it("undoes the sanitiser's escapes once: entity-encoded markup stays text", () => {
    expect(markdownSummary("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<script>alert(1)</script>");
    expect(markdownSummary("&amp;lt;img src=x onerror=alert(2)&amp;gt;")).toBe("&lt;img src=x onerror=alert(2)&gt;");
  });
});

describe("summaryHtml", () => {
  it("is the summary's text as HTML: no markup survives, entity-encoded or not", () => {
    for (const payload of ["&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;img src=x onerror=alert(2)&#62;", "&amp;lt;b&amp;gt;", "<script>alert(3)</script> \\<b\\>", "`<svg onload=alert(4)>`"]) {
      const html = summaryHtml(payload);
      expect(html).not.toMatch(/<|>/);
    }
    expect(summaryHtml("&lt;script&gt;x&lt;/script&gt; & \"q\"")).toBe("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;");
  });
});
