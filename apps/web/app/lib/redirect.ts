/** Only same-site relative paths are followed after sign-in, never another origin. */
export function safeRedirect(target: string | null | undefined, fallback = "/workspaces"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
