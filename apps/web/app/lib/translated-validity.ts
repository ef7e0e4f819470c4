import type { TFunction } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(target: EventTarget | null): target is Control {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** The interface language's words for why the browser refused a field (its own would be in the browser's language). */
function validityMessage(t: TFunction, control: Control): string {
  const { validity } = control;
  const type = control instanceof HTMLInputElement ? control.type : "";
  if (validity.valueMissing) return t(type === "checkbox" ? "a11y.validity.valueMissingCheckbox" : type === "radio" || control instanceof HTMLSelectElement ? "a11y.validity.valueMissingChoice" : "a11y.validity.valueMissing");
  if (validity.typeMismatch) return t(type === "email" ? "a11y.validity.typeMismatchEmail" : "a11y.validity.typeMismatchUrl");
  if (validity.tooShort) return t("a11y.validity.tooShort", { min: String(control instanceof HTMLSelectElement ? 0 : control.minLength) });
  if (validity.tooLong) return t("a11y.validity.tooLong", { max: String(control instanceof HTMLSelectElement ? 0 : control.maxLength) });
  if (validity.rangeUnderflow) return t("a11y.validity.rangeUnderflow", { min: control instanceof HTMLInputElement ? control.min : "" });
  if (validity.rangeOverflow) return t("a11y.validity.rangeOverflow", { max: control instanceof HTMLInputElement ? control.max : "" });
  if (validity.patternMismatch) return t("a11y.validity.patternMismatch");
  return t("a11y.validity.badInput");
}

/**
 * Required fields and the like are checked by the browser before a form is sent, and the browser
 * words its message in its own language: English inside a Serbian interface. Once per page, this
 * replaces the message with the interface's (setCustomValidity, then cleared on the next edit so
 * the browser checks afresh). Without JavaScript the browser's message stays: the server still
 * answers with its translated error.
 */
export function useTranslatedValidity(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const onInvalid = (event: Event) => {
      if (!isControl(event.target)) return;
      const control = event.target;
      control.setCustomValidity("");
      if (!control.validity.valid) control.setCustomValidity(validityMessage(t, control));
    };
    const onEdit = (event: Event) => {
      if (!isControl(event.target)) return;
      // A radio group is one question: clear the message on every radio of the same name.
      const target = event.target;
      const group = target instanceof HTMLInputElement && target.type === "radio" && target.form ? [...target.form.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(target.name)}"]`)] : [target];
      for (const control of group) control.setCustomValidity("");
    };
    // Capture: "invalid" does not bubble.
    document.addEventListener("invalid", onInvalid, true);
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    return () => {
      document.removeEventListener("invalid", onInvalid, true);
      document.removeEventListener("input", onEdit, true);
      document.removeEventListener("change", onEdit, true);
    };
  }, [t]);
}
