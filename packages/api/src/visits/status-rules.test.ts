import { TRPCError } from "@trpc/server";
import type { VisitStatus } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { assertTransition, assertVisitEditable, canTransition, isReportDraftableIn, isVisitEditable, nextStatuses, VISIT_STATUSES } from "./status-rules.ts";

const ALLOWED: [VisitStatus, VisitStatus][] = [
  ["planned", "in_progress"],
  ["planned", "cancelled"],
  ["in_progress", "report_drafting"],
  ["in_progress", "cancelled"],
  ["report_drafting", "report_sent"],
  ["report_sent", "closed"],
];
const isAllowed = (from: VisitStatus, to: VisitStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = VISIT_STATUSES.flatMap((from) => VISIT_STATUSES.map((to) => [from, to] as [VisitStatus, VisitStatus]));

describe("visit status transitions", () => {
  it("knows all six statuses", () => {
    expect([...VISIT_STATUSES].sort()).toEqual(["cancelled", "closed", "in_progress", "planned", "report_drafting", "report_sent"]);
  });

  it.each(ALL_PAIRS.filter(([f, t]) => isAllowed(f, t)))("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(ALL_PAIRS.filter(([f, t]) => !isAllowed(f, t)))("refuses %s → %s with a CONFLICT", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    try {
      assertTransition(from, to);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("CONFLICT");
      expect((error as TRPCError).message).toBe("visitErrors.transitionRefused");
    }
  });

  it("ends in closed or cancelled, with no way out", () => {
    expect(nextStatuses("closed")).toEqual([]);
    expect(nextStatuses("cancelled")).toEqual([]);
  });

  it("cannot cancel once the report is being drafted", () => {
    for (const from of ["report_drafting", "report_sent", "closed"] as const) expect(canTransition(from, "cancelled")).toBe(false);
  });
});

describe("what each visit status allows", () => {
  it("keeps a visit editable until its report is sent", () => {
    expect(VISIT_STATUSES.filter(isVisitEditable).sort()).toEqual(["in_progress", "planned", "report_drafting"]);
    expect(() => assertVisitEditable("report_sent")).toThrow("visitErrors.notEditable");
  });

  it("drafts a report once the visit has taken place, until the report is sent", () => {
    expect(VISIT_STATUSES.filter(isReportDraftableIn).sort()).toEqual(["in_progress", "report_drafting"]);
  });
});
