import { useNavigation } from "react-router";

/**
 * True while a form with this intent (or any form, without one) is being submitted; `target` narrows
 * it to one row of a list (a hidden field's name and value, e.g. the membership id).
 */
export function useBusy(intent?: string, target?: { name: string; value: string }): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  const form = navigation.formData;
  if (intent !== undefined && form?.get("intent") !== intent) return false;
  return target === undefined || form?.get(target.name) === target.value;
}

export type ActionResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; intent?: string; targetId?: string };

/** The field error for `name` if the action result belongs to `intent`. */
export function fieldError(result: ActionResult | undefined, name: string, intent?: string): string | undefined {
  if (!result || result.ok || (intent && result.intent !== intent)) return undefined;
  return result.fieldErrors?.[name];
}
