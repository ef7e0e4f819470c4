import { data } from "react-router";

/**
 * The intent of a posted form, which must be one of the action's own list. A page with several forms
 * posts them all to one action; an unknown or missing intent used to fall through to whichever change
 * came last (removing a member, deleting a file, switching off required two-factor sign-in), so
 * anything not listed is a 400 before any work is done (docs/decisions/0138).
 */
export function intentOf<const Intent extends string>(form: FormData | string | null | undefined, intents: readonly Intent[]): Intent {
  const value = form instanceof FormData ? form.get("intent") : form;
  const intent = intents.find((known) => known === value);
  if (intent === undefined) throw data(null, { status: 400 });
  return intent;
}
