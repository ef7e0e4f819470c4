// Serbian is written in two scripts with a one-to-one letter mapping (Vuk's alphabet and Gaj's
// Latin alphabet), so sr-Latn is derived from sr-Cyrl rather than translated twice.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ђ: "đ", е: "e", ж: "ž", з: "z", и: "i", ј: "j", к: "k",
  л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", п: "p", р: "r", с: "s", т: "t", ћ: "ć", у: "u",
  ф: "f", х: "h", ц: "c", ч: "č", џ: "dž", ш: "š",
};

export function serbianCyrillicToLatin(text: string): string {
  let out = "";
  const chars = [...text];
  chars.forEach((char, index) => {
    const lower = char.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) {
      out += char;
      return;
    }
    if (char === lower) {
      out += latin;
      return;
    }
    // Љ, Њ, Џ become "LJ" in an all-capitals word and "Lj" otherwise.
    const next = chars[index + 1];
    const wordIsUpper = next !== undefined && next !== next.toLowerCase();
    out += wordIsUpper ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  });
  return out;
}

/** Applies the transliteration to every string of a nested locale resource; keys stay as they are. */
export function transliterateResource<T>(resource: T): T {
  if (typeof resource === "string") return serbianCyrillicToLatin(resource) as T;
  if (Array.isArray(resource)) return resource.map((item) => transliterateResource(item)) as T;
  if (resource && typeof resource === "object") {
    return Object.fromEntries(Object.entries(resource).map(([key, value]) => [key, transliterateResource(value)])) as T;
  }
  return resource;
}
