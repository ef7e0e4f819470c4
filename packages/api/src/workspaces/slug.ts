/**
 * A workspace address made from its name (docs/decisions/0191): "NPM Serbia" becomes "npm-serbia",
 * "Заштитник грађана" becomes "zastitnik-gradjana". Browser-safe (no imports): the sign-up and
 * new-workspace forms show the address it makes while the name is typed, and the server makes the
 * same one when the field is left empty.
 */

/** The longest address slugSchema accepts. */
const MAX_LENGTH = 48;

/** Serbian and Ukrainian Cyrillic (and the common Russian letters) in ASCII, as people write them in addresses. */
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", ђ: "dj", е: "e", є: "ye", ё: "e", ж: "z", з: "z", и: "i", і: "i", ї: "yi", й: "y",
  ј: "j", к: "k", л: "l", љ: "lj", м: "m", н: "n", њ: "nj", о: "o", п: "p", р: "r", с: "s", т: "t", ћ: "c", у: "u", ф: "f",
  х: "h", ц: "c", ч: "c", џ: "dz", ш: "s", щ: "sc", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** Letters that no accent-stripping turns into ASCII. */
const SPECIAL: Record<string, string> = { đ: "dj", ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", ı: "i" };

/** Joining words an address should not end on once it is cut ("...-freedoms-of"). */
const TRAILING_JOINERS = new Set(["of", "and", "the", "for", "in", "on", "at", "to", "i", "u", "za", "na", "od", "ta", "v", "z"]);

export function slugFromName(name: string): string {
  const words = [...name.toLowerCase()]
    .map((char) => CYRILLIC[char] ?? SPECIAL[char] ?? char)
    .join("")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // Whole words up to the limit: never "...-of-monten".
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    const added = (kept.length > 0 ? 1 : 0) + word.length;
    if (length + added > MAX_LENGTH) break;
    kept.push(word);
    length += added;
  }
  if (kept.length < words.length) while (kept.length > 1 && TRAILING_JOINERS.has(kept.at(-1)!)) kept.pop();
  // A first word longer than the limit is all there is: cut it.
  if (kept.length === 0 && words.length > 0) kept.push(words[0]!.slice(0, MAX_LENGTH));
  return kept.join("-") || "workspace";
}
