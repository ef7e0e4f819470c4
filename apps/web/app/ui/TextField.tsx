import type { InputHTMLAttributes } from "react";
import { FOCUS_RING } from "./Button";
import { FieldFrame } from "./FieldFrame";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; error?: string };

export const INPUT_CLASS = `block w-full rounded-md border bg-white px-3 py-2 text-base ${FOCUS_RING}`;

/** A labelled input; its hint and error are announced with it (aria-describedby). */
export function TextField({ name, label, hint, error, id, className = "", ...rest }: Props) {
  return (
    <FieldFrame id={id ?? `field-${name}`} label={label} hint={hint} error={error} className={className}>
      {({ borderClass, ...control }) => <input {...control} name={name} className={`${INPUT_CLASS} ${borderClass}`} {...rest} />}
    </FieldFrame>
  );
}
