import { useNavigation } from "react-router";

/** True while a form with this intent (or any form, without one) is being submitted. */
export function useBusy(intent?: string): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}

export type ActionResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; intent?: string; targetId?: string };

/** The field error for `name` if the action result belongs to `intent`. */
export function fieldError(result: ActionResult | undefined, name: string, intent?: string): string | undefined {
  if (!result || result.ok || (intent && result.intent !== intent)) return undefined;
  return result.fieldErrors?.[name];
}
