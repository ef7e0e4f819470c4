import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-teal-700 text-white hover:bg-teal-800 disabled:bg-teal-700/60",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  ghost: "text-slate-700 hover:bg-slate-100",
};

export const FOCUS_RING = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; busyLabel?: string };

/** A button with a busy state: disabled and relabelled while its form is being submitted. */
export function Button({ variant = "primary", busy = false, busyLabel, className = "", children, type = "submit", ...rest }: Props) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      disabled={busy || rest.disabled}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${FOCUS_RING} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

/** A link styled as a button, for calls to action that navigate. */
export function buttonClass(variant: Variant = "primary"): string {
  return `inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium ${FOCUS_RING} ${VARIANTS[variant]}`;
}
