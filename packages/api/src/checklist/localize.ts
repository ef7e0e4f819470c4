import { isLocale, serbianCyrillicToLatin, type Locale } from "@vigil/i18n";
import type { QuestionKind, TemplateContent } from "../templates/content.ts";

type LocalizedOption = { id: string; label: string };
export type LocalizedQuestion = { id: string; kind: QuestionKind; text: string; guidance: string | null; standard: string | null; options: LocalizedOption[] };
export type LocalizedSection = { id: string; title: string; questions: LocalizedQuestion[] };

export type LocalizedChecklist = {
  /** The language the questions are shown in (a BCP 47 tag, for the `lang` attribute). */
  language: Locale;
  /** True when the template lacks the reader's language and its first language is shown instead. */
  isFallback: boolean;
  sections: LocalizedSection[];
};

type Text = Partial<Record<Locale, string>>;

/**
 * Which of a template's languages a reader sees: their own; for Serbian, the other script
 * (Latin readers get Cyrillic content transliterated, since Serbian is one language in two scripts);
 * otherwise the template's first language, which the page labels as a fallback.
 */
export function chooseContentLanguage(languages: readonly string[], reader: Locale): { source: Locale; shown: Locale; isFallback: boolean } {
  const available = languages.filter(isLocale);
  if (available.includes(reader)) return { source: reader, shown: reader, isFallback: false };
  if (reader === "sr-Latn" && available.includes("sr-Cyrl")) return { source: "sr-Cyrl", shown: "sr-Latn", isFallback: false };
  if (reader === "sr-Cyrl" && available.includes("sr-Latn")) return { source: "sr-Latn", shown: "sr-Latn", isFallback: false };
  const first = available[0] ?? "en";
  return { source: first, shown: first, isFallback: true };
}

/** The template's text in one language, for a reader in `reader`'s language. */
export function localizeChecklist(content: TemplateContent, languages: readonly string[], reader: Locale): LocalizedChecklist {
  const { source, shown, isFallback } = chooseContentLanguage(languages, reader);
  const pick = (text: Text): string => {
    // A text missing in the chosen language falls back to any language the template has, never to nothing.
    const chosen = text[source] ?? Object.values(text).find(Boolean) ?? "";
    return source === "sr-Cyrl" && shown === "sr-Latn" ? serbianCyrillicToLatin(chosen) : chosen;
  };
  return {
    language: shown,
    isFallback,
    sections: content.sections.map((section) => ({
      id: section.id,
      title: pick(section.title),
      questions: section.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: pick(q.text),
        guidance: q.guidance ? pick(q.guidance) : null,
        standard: q.standard ?? null,
        options: (q.options ?? []).map((o) => ({ id: o.id, label: pick(o.label) })),
      })),
    })),
  };
}
