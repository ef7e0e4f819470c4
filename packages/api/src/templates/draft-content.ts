import { z } from "zod";
import { section, type TemplateContent } from "./content.ts";

/**
 * A draft may be incomplete while it is being written (no sections yet, a text in one language
 * only); publishing applies the full rules of `templateContent` and `missingTranslations`.
 */
export const draftContent = z
  .object({ sections: z.array(section).max(100) })
  .refine((content) => unique(content.sections.map((s) => s.id)), { error: "validation.invalid", path: ["sections"] })
  .refine((content) => unique(content.sections.flatMap((s) => s.questions.map((q) => q.id))), { error: "validation.invalid", path: ["sections"] });

function unique(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

/**
 * Field paths of texts that lack one of the template's languages: a published version must read
 * completely in every language it claims, or a monitor would meet a blank question on site.
 */
export function missingTranslations(content: TemplateContent, languages: readonly string[]): string[] {
  const missing: string[] = [];
  const check = (text: Partial<Record<string, string>> | undefined, path: string) => {
    if (!text) return;
    for (const language of languages) if (!text[language]) missing.push(`${path} (${language})`);
  };
  content.sections.forEach((s, si) => {
    check(s.title, `sections[${si}].title`);
    s.questions.forEach((q, qi) => {
      const at = `sections[${si}].questions[${qi}]`;
      check(q.text, `${at}.text`);
      check(q.guidance, `${at}.guidance`);
      q.options?.forEach((o, oi) => check(o.label, `${at}.options[${oi}].label`));
    });
  });
  return missing;
}
