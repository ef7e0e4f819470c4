import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "../FieldFrame";
import { INPUT_CLASS } from "../TextField";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string; error?: string };

/** A labelled multi-line field, wired like TextField. */
export function TextArea({ name, label, hint, error, id, className = "", rows = 3, ...rest }: Props) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ borderClass, ...control }) => <textarea {...control} name={name} rows={rows} className={`${INPUT_CLASS} ${borderClass}`} {...rest} />}
    </FieldFrame>
  );
}
