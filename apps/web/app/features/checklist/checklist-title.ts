import type { ChecklistPageData } from "./checklist-page.server";
import { pageTitle } from "../../lib/locale";
import { formatDayRange } from "../visits/visit-days";

type MetaMatches = Parameters<typeof pageTitle>[0];

/** "Checklist — Police Department Kruševac, 12 Jun 2014 — Vigil": own and joint visits alike. */
export function checklistPageTitle(matches: MetaMatches, loaded: ChecklistPageData | undefined) {
  return pageTitle(matches, "checklist.title", {}, (locale) =>
    loaded ? `${loaded.visit.place.name}, ${formatDayRange(locale, loaded.visit.plannedStart, loaded.visit.plannedEnd)}` : undefined,
  );
}
