import type { LocalizedQuestion } from "@vigil/api";
import { useTranslation } from "react-i18next";
import { fieldName, type AnswerDraft } from "./checklist-values";
import { FOCUS_RING } from "../../ui/Button";
import { INPUT_CLASS } from "../../ui/TextField";

type Props = {
  question: LocalizedQuestion;
  draft: AnswerDraft;
  disabled: boolean;
  labelledBy: string;
  /** Ids of the guidance and, when refused, the message saying why. */
  describedBy?: string;
  /** The id of the message of a refused answer; set only while it is refused. */
  errorId?: string;
  contentLang?: string;
  onChange: (values: string[]) => void;
};

// Whole-row labels at least 48px high: the checklist is filled in standing, on a phone. A tile grows
// to fit its words ("Није применљиво" wraps to a row of its own) and the radio never shrinks.
const CHOICE_CLASS =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-base has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:disabled]:cursor-not-allowed";
// Yes / No / N/A side by side while they fit, wrapping rather than squeezing when they do not.
// A refused choice is outlined like a refused text field's red border (the message says why).
const INVALID_GROUP_CLASS = "rounded-md outline outline-2 outline-offset-4 outline-red-700";
const YES_NO_NA_CLASS = "flex flex-wrap gap-2 [&>label]:grow [&>label]:basis-24";

/** The answer control for a question's kind; its strings go to the form as they are (see checklist-values). */
export function AnswerControl({ question, draft, disabled, labelledBy, describedBy, errorId, contentLang, onChange }: Props) {
  const { t } = useTranslation();
  const described = { "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined, "aria-errormessage": errorId } as const;
  const border = errorId ? "border-red-700" : "border-slate-300";
  const name = fieldName.value(question.id);
  const first = draft.values[0] ?? "";

  if (question.kind === "yes_no_na" || question.kind === "single_choice" || question.kind === "multiple_choice") {
    const multiple = question.kind === "multiple_choice";
    const options =
      question.kind === "yes_no_na"
        ? (["yes", "no", "na"] as const).map((id) => ({ id, label: t(`checklist.yesNoNa.${id}`) }))
        : question.options;
    return (
      <div role={multiple ? "group" : "radiogroup"} aria-labelledby={labelledBy} {...described} className={`${question.kind === "yes_no_na" ? YES_NO_NA_CLASS : "grid gap-2"} ${errorId ? INVALID_GROUP_CLASS : ""}`}>
        {options.map((option) => (
          <label key={option.id} className={CHOICE_CLASS}>
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              checked={draft.values.includes(option.id)}
              disabled={disabled}
              onChange={(event) =>
                onChange(multiple ? (event.target.checked ? [...draft.values, option.id] : draft.values.filter((v) => v !== option.id)) : [option.id])
              }
              className={`size-5 shrink-0 accent-teal-700 ${FOCUS_RING}`}
            />
            <span lang={question.kind === "yes_no_na" ? undefined : contentLang} className="break-words">{option.label}</span>
          </label>
        ))}
      </div>
    );
  }

  if (question.kind === "long_text") {
    return (
      <textarea
        name={name}
        aria-labelledby={labelledBy}
        {...described}
        rows={4}
        value={first}
        readOnly={disabled}
        onChange={(event) => onChange([event.target.value])}
        className={`${INPUT_CLASS} ${border}`}
      />
    );
  }

  const inputType = question.kind === "date" ? "date" : "text";
  return (
    <input
      type={inputType}
      name={name}
      aria-labelledby={labelledBy}
      {...described}
      inputMode={question.kind === "number" ? "decimal" : undefined}
      value={first}
      readOnly={disabled}
      onChange={(event) => onChange([event.target.value])}
      className={`${INPUT_CLASS} min-h-12 ${border} ${question.kind === "number" || question.kind === "date" ? "max-w-xs" : ""}`}
    />
  );
}
