import type { InputHTMLAttributes } from "react";
import { FOCUS_RING } from "../../ui/Button";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string };

/** A checkbox with its label beside it (the whole label is the click target). */
export function Checkbox({ name, label, id, ...rest }: Props) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className="flex items-start gap-2">
      <input id={inputId} name={name} type="checkbox" className={`mt-1 h-4 w-4 rounded border-slate-400 ${FOCUS_RING}`} {...rest} />
      <label htmlFor={inputId} className="text-sm text-slate-800">
        {label}
      </label>
    </div>
  );
}
