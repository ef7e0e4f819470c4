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

/**
 * Greek (ELOT 743, simplified), Georgian and Armenian (national romanisations): NPMs of Greece,
 * Cyprus, Georgia and Armenia would otherwise all get the address "workspace". Looked up without
 * accents, so "ά" is "a".
 */
const OTHER_SCRIPTS: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o", π: "p",
  ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  ა: "a", ბ: "b", გ: "g", დ: "d", ე: "e", ვ: "v", ზ: "z", თ: "t", ი: "i", კ: "k", ლ: "l", მ: "m", ნ: "n", ო: "o", პ: "p", ჟ: "zh",
  რ: "r", ს: "s", ტ: "t", უ: "u", ფ: "p", ქ: "k", ღ: "gh", ყ: "q", შ: "sh", ჩ: "ch", ც: "ts", ძ: "dz", წ: "ts", ჭ: "ch", ხ: "kh",
  ჯ: "j", ჰ: "h",
  ա: "a", բ: "b", գ: "g", դ: "d", ե: "e", զ: "z", է: "e", ը: "y", թ: "t", ժ: "zh", ի: "i", լ: "l", խ: "kh", ծ: "ts", կ: "k", հ: "h",
  ձ: "dz", ղ: "gh", ճ: "ch", մ: "m", յ: "y", ն: "n", շ: "sh", ո: "o", չ: "ch", պ: "p", ջ: "j", ռ: "r", ս: "s", վ: "v", տ: "t",
  ր: "r", ց: "ts", ւ: "v", փ: "p", ք: "k", օ: "o", ֆ: "f", և: "ev",
};

const withoutAccents = (char: string) => char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** Letters that no accent-stripping turns into ASCII. */
const SPECIAL: Record<string, string> = { đ: "dj", ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", ı: "i" };

/** Joining words an address should not end on once it is cut ("...-freedoms-of"). */
const TRAILING_JOINERS = new Set(["of", "and", "the", "for", "in", "on", "at", "to", "i", "u", "za", "na", "od", "ta", "v", "z"]);

export function slugFromName(name: string): string {
  // Two letters read as one sound: Greek "ου" and Armenian "ու" are "u"-sounds written "ou" and "u".
  const words = [...name.toLowerCase().replace(/ο[υύ]/g, "ou").replace(/ու/g, "u")]
    .map((char) => CYRILLIC[char] ?? SPECIAL[char] ?? OTHER_SCRIPTS[withoutAccents(char)] ?? char)
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
