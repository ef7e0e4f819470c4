import { FOCUS_RING } from "../../ui/Button";

/** A labelled checkbox whose hint is announced with it. */
export function CheckboxField({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const id = `field-${name}`;
  return (
    <div className="flex items-start gap-2">
      <input id={id} name={name} type="checkbox" value="on" defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined}
        className={`mt-1 h-5 w-5 rounded border-slate-400 ${FOCUS_RING}`} />
      <div>
        <label htmlFor={id} className="font-medium text-slate-800">{label}</label>
        {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      </div>
    </div>
  );
}
