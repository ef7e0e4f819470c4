import { serbianCyrillicToLatin } from "@vigil/i18n";

/** Ukrainian letters Serbian Cyrillic lacks (the national romanisation of 2010, simplified). */
const UKRAINIAN_TO_LATIN: Record<string, string> = { є: "ye", і: "i", ї: "yi", ґ: "g", й: "y", щ: "shch", ю: "yu", я: "ya", ь: "", "’": "", "'": "" };

/**
 * The ASCII fallback of a file name, for the few clients that ignore `filename*`: letters keep
 * their sound (Cyrillic in Latin letters, "Požarevac" as "Pozarevac"), anything else becomes "_".
 */
export function asciiFileName(fileName: string): string {
  const latin = serbianCyrillicToLatin(
    [...fileName].map((char) => {
      const latinLetter = UKRAINIAN_TO_LATIN[char.toLowerCase()];
      if (latinLetter === undefined) return char;
      return char === char.toLowerCase() ? latinLetter : latinLetter.charAt(0).toUpperCase() + latinLetter.slice(1);
    }).join(""),
  );
  return latin
    .replace(/đ/g, "dj").replace(/Đ/g, "Dj")
    .normalize("NFKD").replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}

/**
 * A download's Content-Disposition (RFC 6266): the name in UTF-8 in `filename*` (RFC 5987), which
 * every current browser uses, and its ASCII spelling in `filename` for the others.
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
