import type { SelectHTMLAttributes } from "react";
import { INPUT_CLASS } from "./TextField";

type Option = { value: string; label: string };
type Props = SelectHTMLAttributes<HTMLSelectElement> & { name: string; label: string; options: Option[]; error?: string; hideLabel?: boolean };

/** A labelled select; the label may be visually hidden where the context names it (tables). */
export function SelectField({ name, label, options, error, id, hideLabel = false, className = "", ...rest }: Props) {
  const selectId = id ?? `field-${name}`;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={selectId} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`${INPUT_CLASS} ${error ? "border-red-700" : "border-slate-300"}`}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
