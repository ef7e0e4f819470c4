import type { TextareaHTMLAttributes } from "react";
import { FieldFrame } from "../FieldFrame";
import { INPUT_CLASS } from "../TextField";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; hint?: string; error?: string };

/** A labelled multi-line field; hint and error are announced with it. */
export function TextArea({ name, label, hint, error, id, rows = 4, ...rest }: Props) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error}>
      {({ borderClass, ...control }) => <textarea {...control} name={name} rows={rows} className={`${INPUT_CLASS} ${borderClass}`} {...rest} />}
    </FieldFrame>
  );
}
