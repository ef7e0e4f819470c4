/**
 * A workspace's colours on a phone (issue 18, decision 0262): the installed app's theme colour
 * (status bar, task switcher) and the splash screen's background. Workspaces have no colour
 * setting, so the theme is taken from the workspace's id, which never changes, among Vigil's
 * teal and seven other dark shades that all carry white text at 4.5:1 or more: two workspaces
 * installed on one phone can then be told apart, and nothing needs to be chosen.
 */
const THEME_COLOURS = [
  "#115e59", // teal-800, Vigil's own
  "#075985", // sky-800
  "#3730a3", // indigo-800
  "#5b21b6", // violet-800
  "#9f1239", // rose-800
  "#92400e", // amber-800
  "#065f46", // emerald-800
  "#1e293b", // slate-800
] as const;

/** The page's background (app.css: bg-slate-50), so the splash screen blends into the first page. */
export const WORKSPACE_BACKGROUND = "#f8fafc";

/** Vigil's colour, for pages outside any workspace. */
export const VIGIL_THEME = THEME_COLOURS[0];

export function workspaceThemeColor(workspaceId: string): string {
  // FNV-1a over the id: small, stable across releases (a palette index must not move once installed).
  let hash = 0x811c9dc5;
  for (let i = 0; i < workspaceId.length; i += 1) {
    hash ^= workspaceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return THEME_COLOURS[hash % THEME_COLOURS.length]!;
}
