import { z } from "zod";

/*
 * Names that other people read: of people, workspaces, places, authorities, templates (and the
 * library publications made from them), forums and what is shared into them. Another workspace sees
 * many of them, so a name must not be able to pass itself off as something else (issue 13 §3,
 * docs/decisions/0157-safe-names.md):
 * - no line breaks (U+000A, U+000D, U+0085, U+2028, U+2029): a name is one line, in a list, in the
 *   subject and body of an e-mail;
 * - no other control characters (Unicode category Cc: C0, DEL, C1);
 * - no bidirectional controls (Unicode property Bidi_Control: U+061C, U+200E, U+200F, the embeddings
 *   and overrides U+202A–U+202E, the isolates U+2066–U+2069), which reorder what follows them, e.g.
 *   "NPM Serbia" + RLO + "kcatta" reads as the attacker wishes.
 * - no invisible characters: format characters (category Cf: U+200B zero-width space, U+00AD soft
 *   hyphen, U+2060 word joiner, U+FEFF, the tag characters U+E0000–U+E007F, ZWJ/ZWNJ, which names in
 *   Vigil's four languages never need), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0, letters
 *   that draw nothing), unassigned code points (Cn) and lone surrogates (Cs): two names that look the
 *   same must be the same name;
 * - at least one visible character (a letter, number, punctuation mark or symbol): no blank names.
 * Cyrillic and other scripts are welcome; the web UI also isolates every name shown to another
 * workspace in <bdi>.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\p{Cf}\p{Cn}\p{Cs}\p{Bidi_Control}\u2028\u2029\u115F\u1160\u3164\uFFA0]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Every character UNSAFE_IN_NAME refuses, for cleaning text that is not refused (file names). */
export const UNSAFE_IN_NAME_GLOBAL = new RegExp(UNSAFE_IN_NAME.source, "gu");

/** Whether a stored name (perhaps older than this rule) is one line, without controls or invisible characters, and shows something. */
export function isSafeName(name: string): boolean {
  return !UNSAFE_IN_NAME.test(name) && VISIBLE.test(name.replace(/[\u115F\u1160\u3164\uFFA0]/gu, ""));
}

/** A required name of at most `max` characters, trimmed, one line, without control, bidi or invisible characters. */
export function boundedNameSchema(max: number) {
  return z.string().trim().min(1).max(max).refine(isSafeName, { error: "validation.nameCharacters" });
}

/** People's and workspaces' names. */
export const nameSchema = boundedNameSchema(200);
