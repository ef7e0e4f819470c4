import type { Locale } from "@vigil/i18n";
import { formatDayRange } from "../visits/visit-days";

type ForumWhen = { startsOn: Date | string | null; endsOn: Date | string | null; place: string | null };

/**
 * "12 June 2026 – 14 June 2026 · Belgrade" for a forum's line on the list and its own page. The days
 * are `date` columns (UTC midnight), so they are formatted in UTC: in a time zone west of UTC local
 * formatting would show the day before. An end without a start is not shown, as before.
 */
export function forumWhen(locale: Locale, forum: ForumWhen): string {
  const days = forum.startsOn ? formatDayRange(locale, forum.startsOn, forum.endsOn ?? forum.startsOn, "long") : null;
  return [days, forum.place].filter(Boolean).join(" · ");
}
