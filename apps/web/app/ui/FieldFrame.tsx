import type { ReactNode } from "react";

/** What the control inside a field needs: its id, and the ids and state that describe it. */
type FieldControl = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined; borderClass: string };

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  hideLabel?: boolean;
  className?: string;
  children: (control: FieldControl) => ReactNode;
};

/**
 * The frame every form field shares: a label, an optional hint, the control, an optional error;
 * hint and error are tied to the control with aria-describedby so screen readers announce them.
 */
export function FieldFrame({ id, label, hint, error, hideLabel = false, className = "", children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const borderClass = error ? "border-red-700" : "border-slate-300";
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        borderClass,
      })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
