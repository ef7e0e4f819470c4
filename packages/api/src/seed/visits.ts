import { withTenant, type TenantTx, type VisitStatus } from "@vigil/db";
import { planVisit, transitionVisit } from "../visits/planning.ts";
import type { TeamMemberInput } from "../visits/inputs.ts";
import { type DemoWorkspaceContext, ownerActor } from "./context.ts";
import { DEMO_VISITS, type DemoVisit } from "./visit-plans.ts";

/** The path from "planned" to each status, so demo visits get there through real, audited transitions. */
const PATH: Record<VisitStatus, VisitStatus[]> = {
  planned: [],
  in_progress: ["in_progress"],
  report_drafting: ["in_progress", "report_drafting"],
  report_sent: ["in_progress", "report_drafting", "report_sent"],
  closed: ["in_progress", "report_drafting", "report_sent", "closed"],
  cancelled: ["cancelled"],
};

/** A fixed day, or a number of days from today (so the demo always has something ahead). */
export function day(value: string | number): string {
  if (typeof value === "string") return value;
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + value);
  return date.toISOString().slice(0, 10);
}

async function placeId(tx: TenantTx, name: string) {
  return (await tx.place.findFirst({ where: { name }, select: { id: true } }))?.id;
}

async function templateVersionId(tx: TenantTx, name: string | null) {
  if (!name) return null;
  const version = await tx.checklistTemplateVersion.findFirst({ where: { version: 1, template: { name } }, select: { id: true } });
  return version?.id ?? null;
}

function team(workspace: DemoWorkspaceContext, members: DemoVisit["team"]): TeamMemberInput[] {
  return members.flatMap((member): TeamMemberInput[] => {
    if ("external" in member) return [{ kind: "external", name: member.external, expertise: member.expertise, visitRole: member.role }];
    const userId = workspace.memberIds.get(member.email);
    return userId ? [{ kind: "member", userId, visitRole: member.role }] : [];
  });
}

/**
 * Demo visits in every status, planned and moved along through the same services as the app (so
 * each has its audit trail). Places and templates come from the registry and template seeds, by
 * name; a visit whose place is missing is left out rather than invented here.
 */
export async function seedVisits(workspace: DemoWorkspaceContext): Promise<void> {
  const actor = ownerActor(workspace);
  for (const demo of DEMO_VISITS[workspace.countryCode] ?? []) {
    await withTenant(workspace.tenantId, workspace.ownerId, async (tx) => {
      const place = await placeId(tx, demo.place);
      if (!place) return;
      const { id } = await planVisit(tx, actor, {
        placeId: place,
        type: demo.type,
        announced: demo.announced,
        nightVisit: demo.nightVisit,
        plannedStart: day(demo.start),
        plannedEnd: day(demo.end),
        objectives: demo.objectives,
        templateVersionId: await templateVersionId(tx, demo.template),
        team: team(workspace, demo.team),
      });
      for (const status of PATH[demo.status]) await transitionVisit(tx, actor, id, status);
    });
  }
}
