import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * News posts are written in Markdown and rendered to HTML that a visitor's browser can trust
 * (docs/decisions/0202): `marked` parses (GitHub-flavoured, no raw HTML kept), then `sanitize-html`
 * keeps an allow-list of elements and attributes. Scripts, styles, iframes and event handlers are
 * dropped; links may only be http(s) or mailto, and open without giving the target our window.
 */
const parser = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "strong", "em", "del", "code", "pre",
  "a", "table", "thead", "tbody", "tr", "th", "td",
];

export function renderMarkdown(markdown: string): string {
  const html = parser.parse(markdown, { async: false });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    // Whatever is not allowed disappears with its content when it is code, stays as text otherwise.
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed"],
    transformTags: {
      // A post's own heading is the page's h1; Markdown's "# " becomes the next level down.
      h1: "h2",
      a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    },
  });
}

const ESCAPED: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * The first paragraph of a post as plain text, for lists, the feed and Open Graph. Plain text is not
 * HTML: whoever puts it into markup escapes it (React does; the feed uses `summaryHtml`). The
 * sanitiser's escapes are undone in one pass, so `&amp;lt;` stays the text `&lt;` (docs/decisions/0256).
 */
export function markdownSummary(markdown: string, maxLength = 280): string {
  const text = sanitizeHtml(parser.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (escape) => ESCAPED[escape] ?? escape)
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

/** Plain text (a title, a summary) as HTML that shows exactly that text. */
export const textAsHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** A post's summary as HTML that shows its plain text and nothing else: for the feed's `<summary type="html">`. */
export function summaryHtml(markdown: string, maxLength = 280): string {
  return textAsHtml(markdownSummary(markdown, maxLength));
}
