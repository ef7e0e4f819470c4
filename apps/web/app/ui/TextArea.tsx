import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./FieldFrame";
import { INPUT_CLASS } from "./TextField";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string; error?: string };

/**
 * A labelled multi-line field, wired like TextField: hint and error are announced with it. One
 * component for every form (evidence, reports, forums, recommendations) so they stay alike;
 * `className` goes on the frame, so a grid can place the whole field.
 */
export function TextArea({ name, label, hint, error, id, className = "", rows = 4, ...rest }: Props) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ borderClass, ...control }) => <textarea {...control} name={name} rows={rows} className={`${INPUT_CLASS} ${borderClass}`} {...rest} />}
    </FieldFrame>
  );
}
