import { TRPCError } from "@trpc/server";
import { withTenant, type VisitStatus } from "@vigil/db";
import { translator } from "@vigil/i18n";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../core/error-format.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { auditTrail, createTestPlace, planInput } from "../testing/visits.ts";
import { VISIT_STATUSES, VISIT_TRANSITIONS } from "./status-rules.ts";

let owner: TestUser;
let monitor: TestUser;
let workspace: { id: string; slug: string };
let placeId: string;

beforeAll(async () => {
  owner = await createTestUser();
  monitor = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  placeId = (await createTestPlace(workspace.id)).id;
});

/** A visit put straight into `status`, as if it had got there through its earlier transitions. */
async function visitIn(status: VisitStatus): Promise<string> {
  const { id } = await (await callerFor(owner)).caller.visits.plan(planInput(workspace.slug, placeId));
  await withTenant(workspace.id, null, (tx) => tx.visit.updateMany({ where: { id }, data: { status } }));
  return id;
}

const pairs = VISIT_STATUSES.flatMap((from) => VISIT_STATUSES.map((to) => ({ from, to, allowed: VISIT_TRANSITIONS[from].includes(to) })));

describe("visit status transitions through the API", () => {
  it.each(pairs.filter((p) => p.allowed))("a monitor moves a visit from $from to $to, and it is audited", async ({ from, to }) => {
    const id = await visitIn(from);
    const { caller } = await callerFor(monitor);
    expect(await caller.visits.transition({ tenantSlug: workspace.slug, visitId: id, to })).toEqual({ id, status: to });
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).status).toBe(to);
    const events = await auditTrail(workspace.id, id);
    expect(events.at(-1)).toMatchObject({ action: "visit.statusChanged", actorId: monitor.id, details: { from, to } });
  });

  it.each(pairs.filter((p) => !p.allowed))("refuses $from → $to and leaves the visit as it was", async ({ from, to }) => {
    const id = await visitIn(from);
    const { caller } = await callerFor(owner);
    const error = await caller.visits.transition({ tenantSlug: workspace.slug, visitId: id, to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).status).toBe(from);
    expect((await auditTrail(workspace.id, id)).map((e) => e.action)).toEqual(["visit.planned"]);
  });

  it("walks the whole cycle from planned to closed, offering the next actions at each step", async () => {
    const { caller } = await callerFor(monitor);
    const { id } = await caller.visits.plan(planInput(workspace.slug, placeId));
    const seen: [VisitStatus, readonly VisitStatus[]][] = [];
    for (const to of ["in_progress", "report_drafting", "report_sent", "closed"] as const) {
      const before = await caller.visits.get({ tenantSlug: workspace.slug, visitId: id });
      seen.push([before.status, before.nextStatuses]);
      await caller.visits.transition({ tenantSlug: workspace.slug, visitId: id, to });
    }
    expect(seen).toEqual([
      ["planned", ["in_progress", "cancelled"]],
      ["in_progress", ["report_drafting", "cancelled"]],
      ["report_drafting", ["report_sent"]],
      ["report_sent", ["closed"]],
    ]);
    const closed = await caller.visits.get({ tenantSlug: workspace.slug, visitId: id });
    expect(closed).toMatchObject({ status: "closed", nextStatuses: [], editable: false });
  });

  it("explains a refused move in the caller's language", async () => {
    const id = await visitIn("closed");
    const { caller } = await callerFor(owner);
    const error = (await caller.visits.transition({ tenantSlug: workspace.slug, visitId: id, to: "planned" }).catch((e: unknown) => e)) as TRPCError;
    expect(describeError(error, translator("en")).message).toBe(
      "This visit cannot move to that status from its current one. Reload the page to see its status now.",
    );
    expect(describeError(error, translator("uk")).message).toMatch(/^Візит не може перейти/);
  });
});
