import type { VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";

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
