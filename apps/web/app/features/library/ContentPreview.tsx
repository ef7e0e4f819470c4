import type { TemplateContent } from "@vigil/api/templates";
import type { Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { pick } from "../templates/SectionView";

/** A read-only view of a template's sections and questions, in the reader's language where it has it. */
export function ContentPreview({ content, languages, locale }: { content: TemplateContent; languages: readonly string[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <ol className="space-y-4">
      {content.sections.map((section, index) => (
        <li key={section.id}>
          <h3 className="font-semibold text-slate-900">{t("library.sectionHeading", { number: index + 1, title: pick(section.title, locale, languages) })}</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800">
            {section.questions.map((question) => (
              <li key={question.id}>
                {pick(question.text, locale, languages)}
                {question.standard ? <span className="ml-2 text-sm text-slate-500">{question.standard}</span> : null}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
