import type { VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";

/**
 * Every rule that hangs on a visit's status, in one place (docs/decisions/0173-visit-status-rules-in-one-module.md):
 * where a status may move, what may still be edited in it, when its report may be drafted.
 */

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

/**
 * What may change in each visit status. The checklist, interviews, findings and evidence can be
 * edited until the report is sent; a sent, closed or cancelled visit is a record and stays as it is.
 */
const EDITABLE_VISIT_STATUSES: readonly VisitStatus[] = ["planned", "in_progress", "report_drafting"];

export function isVisitEditable(status: VisitStatus): boolean {
  return EDITABLE_VISIT_STATUSES.includes(status);
}

export function assertVisitEditable(status: VisitStatus): void {
  if (!isVisitEditable(status)) fail("CONFLICT", "visitErrors.notEditable");
}

/** A report is drafted once the visit has taken place, until the report is sent. */
const REPORT_DRAFTABLE_VISIT_STATUSES: readonly VisitStatus[] = ["in_progress", "report_drafting"];

export function isReportDraftableIn(status: VisitStatus): boolean {
  return REPORT_DRAFTABLE_VISIT_STATUSES.includes(status);
}
