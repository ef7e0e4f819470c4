import type { VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";

/**
 * The visit's status cycle (docs/decisions/0050-visit-status-transitions.md). Only forward moves:
 * a status records what happened, so it is never undone; a visit that will not take place is
 * cancelled, which is possible only before the report is being drafted.
 */
export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  planned: ["in_progress", "cancelled"],
  in_progress: ["report_drafting", "cancelled"],
  report_drafting: ["report_sent"],
  report_sent: ["closed"],
  closed: [],
  cancelled: [],
};

export const VISIT_STATUSES = Object.keys(VISIT_TRANSITIONS) as VisitStatus[];

export function nextStatuses(from: VisitStatus): readonly VisitStatus[] {
  return VISIT_TRANSITIONS[from];
}

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return VISIT_TRANSITIONS[from].includes(to);
}

/** Refuses a move the table does not allow, naming both statuses in the translated message. */
export function assertTransition(from: VisitStatus, to: VisitStatus): void {
  if (!canTransition(from, to)) fail("CONFLICT", "visitErrors.transitionRefused", {}, "to");
}
