import { FOCUS_RING } from "../../ui/Button";
import type { ReactNode } from "react";

type Option = { value: string; label: ReactNode };

/** A fieldset of checkboxes sharing one name (place types, languages). */
export function CheckboxGroup({ name, legend, options, checked, error }: { name: string; legend: string; options: Option[]; checked: readonly string[]; error?: string }) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-10 items-center gap-2 text-slate-800">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className={`h-5 w-5 ${FOCUS_RING}`} />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
