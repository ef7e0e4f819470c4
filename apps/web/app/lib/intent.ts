import { data } from "react-router";

type Handlers<Intent extends string> = { [K in Intent]: (intent: K) => unknown };

/**
 * Runs the handler for a posted form's intent. A page with several forms posts them all to one
 * action; an unknown or missing intent used to fall through to whichever change came last (removing
 * a member, deleting a file, switching off required two-factor sign-in), so an intent with no handler
 * is a 400, thrown before any work is done (docs/decisions/0169). `form` is the form or its `intent`
 * field; each handler gets the intent it was chosen for.
 */
export function dispatchIntent<const Intent extends string, H extends Handlers<Intent>>(
  form: FormData | string | null | undefined,
  handlers: H & Handlers<Intent>,
): ReturnType<H[Intent]>;
export function dispatchIntent(form: FormData | string | null | undefined, handlers: Record<string, (intent: string) => unknown>): unknown {
  const intent = form instanceof FormData ? form.get("intent") : form;
  // Own keys only: "constructor" or "toString" must not reach Object.prototype.
  if (typeof intent !== "string" || !Object.hasOwn(handlers, intent)) throw data(null, { status: 400 });
  return handlers[intent]!(intent);
}
