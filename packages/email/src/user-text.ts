import type { Locale } from "@vigil/i18n";

/*
 * What users wrote, put into Vigil's own e-mails (issue 13 §3, docs/decisions/0158-user-text-in-emails.md).
 * A workspace or person may be named "Vigil security: your account is locked. Sign in at
 * https://evil.example"; in a mail that must read as a quotation of that name, never as Vigil
 * speaking. So a name is always:
 * - one line: line breaks, other control characters and bidi controls become spaces, runs of
 *   space collapse, and a long name is cut (names.ts refuses them on input; older rows and device
 *   strings from a user agent were never checked);
 * - quoted, with the mail's language's marks (any such mark inside is replaced, so it cannot close
 *   the quotation early);
 * - never a link: what mail programs would turn into one (a scheme, www., a domain, an address) is
 *   "defanged" (evil[.]example, https[:]//), the convention of security notices.
 * Vigil's own links (acceptUrl, resetUrl…) are passed as they are: they come from APP_URL.
 */

const QUOTES: Record<Locale, readonly [string, string]> = {
  en: ["“", "”"],
  "sr-Cyrl": ["„", "”"],
  "sr-Latn": ["„", "”"],
  uk: ["«", "»"],
};
const QUOTE_MARKS = /["“”„«»]/g;
const NOT_ONE_LINE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\s]+/gu;
/**
 * A scheme or www. up to the next space; or a host-like word.word.tld (at least two letters after the
 * last dot); or a bare IPv4 address, which mail programs and browsers open as a host.
 */
const LINK_LIKE =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|(?<![\p{N}.])\d{1,3}(?:\.\d{1,3}){3}(?![\p{N}]|\.\d)|[\p{L}\p{N}_%+-]+(?:@[\p{L}\p{N}_-]+)?(?:\.[\p{L}\p{N}_-]+)*\.\p{L}{2,}/giu;
/**
 * Dots that host names accept as "." (IDNA maps them): the ideographic full stop U+3002 (NFKC leaves
 * it; the full-width U+FF0E and half-width U+FF61 reach it or "." through NFKC). "evil。example" is a link.
 */
const HOST_DOTS = /[\u3002\uFF0E\uFF61]/g;

const NAME_MAX_IN_MAIL = 120;

/** Line breaks and controls to single spaces, trimmed, at most `max` characters. */
export function oneLine(text: string, max = NAME_MAX_IN_MAIL): string {
  const line = text.replace(NOT_ONE_LINE, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * What a mail program would make a link of, made inert: evil[.]example, https[:]//, 203[.]0[.]113[.]7.
 * The text is NFKC-normalised first (full-width "ｅｖｉｌ．ｅｘａｍｐｌｅ" is a host as IDNA reads it) and
 * the ideographic dots become ".", so the pattern sees what a mail program would.
 */
export function defang(text: string): string {
  return text.normalize("NFKC").replace(HOST_DOTS, ".").replace(LINK_LIKE, (link) => link.replaceAll("://", "[:]//").replaceAll(".", "[.]"));
}

/** A user-written name as a mail quotes it: one line, defanged, between the language's quotation marks. */
export function quotedName(locale: Locale, name: string): string {
  const [open, close] = QUOTES[locale];
  return `${open}${defang(oneLine(name).replace(QUOTE_MARKS, "'"))}${close}`;
}

/** A user-written passage (a recommendation's text): its lines kept, each marked as quoted ("> "), defanged. */
export function quotedPassage(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => `> ${defang(line.replace(/[\p{Cc}\p{Bidi_Control}]/gu, " ").trimEnd())}`.trimEnd())
    .join("\n");
}
