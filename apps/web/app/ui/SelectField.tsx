import type { SelectHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";
import { INPUT_CLASS } from "./TextField";

type Option = { value: string; label: string };
type Props = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; options: Option[]; hint?: string; error?: string; hideLabel?: boolean };

/**
 * A labelled select; the label may be visually hidden where the context names it (tables). A hint
 * goes through FieldFrame, which ties both hint and error to the select: an `aria-describedby`
 * passed in would replace that and drop the error.
 */
export function SelectField({ name, label, options, hint, error, id, hideLabel = false, className = "", ...rest }: Props) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      {({ borderClass, ...control }) => (
        <select {...control} name={name} className={`${INPUT_CLASS} ${borderClass}`} {...rest}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
