/*
 * Form outcomes carry data-feedback: after a submitted form, focus moves to the error (or, without
 * one, the first invalid field) or to the success message, which also scrolls it into view
 * (lib/focus-after-navigation.ts). tabIndex -1: focusable by script, not a Tab stop.
 */

/** A form-level error (role=alert, so screen readers announce it when it appears). */
export function FormError({ message, id }: { message?: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" tabIndex={-1} data-feedback="error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
      {message}
    </p>
  );
}

/** A confirmation that an action succeeded. */
export function FormSuccess({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" tabIndex={-1} data-feedback="success" className="rounded-md border border-teal-200 bg-teal-50 px-3 py-2 text-sm font-medium text-teal-900">
      {message}
    </p>
  );
}
