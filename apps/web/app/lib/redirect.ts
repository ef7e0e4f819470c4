/**
 * Where sign-in leads when no page asked for it: the workspace list, which sends someone with exactly
 * one workspace on into it (features/workspaces/workspaces.tsx). A query on the list, not a rule of
 * the list itself, so the list and its "create a workspace" form stay reachable for everyone.
 */
export const AFTER_SIGN_IN = "/workspaces?landing=1";

/** A stand-in origin: only whether a target stays on it matters, so the real host is not needed. */
const THIS_ORIGIN = "http://vigil.invalid";

/**
 * Where to send someone after sign-in, a language switch and the like, when the target comes from
 * input. A string check cannot know what browsers make of it ("/\t/evil.example" loses its tab and
 * becomes "//evil.example"), so the target is read by the URL parser itself, as the browser will:
 * only a target that stays on this origin is followed, and what is followed is the parser's own
 * path, query and fragment, never the raw input (docs/decisions/0137). Anything else: `fallback`.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/workspaces"): string {
  if (!target || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, THIS_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== THIS_ORIGIN) return fallback;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
