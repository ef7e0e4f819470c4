import { INPUT_CLASS } from "../../ui/TextField";

/** The visit's objectives: a labelled multi-line field. */
export function ObjectivesField({ label, hint, defaultValue, error }: { label: string; hint: string; defaultValue?: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="field-objectives" className="block text-sm font-medium text-slate-800">{label}</label>
      <p id="field-objectives-hint" className="text-sm text-slate-600">{hint}</p>
      <textarea id="field-objectives" name="objectives" rows={4} maxLength={5000} defaultValue={defaultValue}
        aria-describedby={error ? "field-objectives-hint field-objectives-error" : "field-objectives-hint"} aria-invalid={error ? true : undefined}
        className={`${INPUT_CLASS} ${error ? "border-red-700" : "border-slate-300"}`} />
      {error ? <p id="field-objectives-error" className="text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}
