import { withTenant, type TenantTx } from "@vigil/db";
import { enterJointVisit, jointActor } from "../joint-visits/scope.ts";
import type { Actor } from "../core/actor.ts";
import { saveAnswer } from "../checklist/answers.ts";
import { createFinding } from "../findings/findings.ts";
import { invitePartner, nominateMember, respondToInvitation, setAllowJointVisits } from "../joint-visits/joint-visits.ts";
import { planVisit, transitionVisit } from "../visits/planning.ts";
import type { DemoWorkspaceContext } from "./context.ts";

export const JELENA = "jelena.petrovic@npm-serbia.example";
export const MARKO = "marko.jovanovic@npm-serbia.example";
export const OLENA = "olena.kovalenko@npm-ukraine.example";
export const ANDRII = "andrii.shevchenko@npm-ukraine.example";

/** Serbia's NPM hosts Ukraine's from 22 to 24 December 2014: a prison and a police station (issue 5 §4, issue 17). */
const JOINT_VISITS = [
  {
    place: "Correctional Institution Sremska Mitrovica", template: "Prison", start: "2014-12-23", end: "2014-12-23",
    objectives: "Joint visit with the Ukrainian NPM: exchange of methodology for prisons; conditions, health care and contact with the outside world.",
    answers: [{ questionId: "admission-exam", value: "yes" }, { questionId: "sanitary-annex", value: "no" }],
    finding: { theme: "Material conditions", text: "Dormitories of 30 and more prisoners; sanitary annexes shared and in poor repair.", severity: "high" as const },
  },
  {
    place: "Police Department Niš", template: "Police custody", start: "2014-12-24", end: "2014-12-24",
    objectives: "Joint night visit with the Ukrainian NPM: custody records, information on rights, access to a lawyer and a doctor.",
    answers: [{ questionId: "one-record-per-person", value: "no" }, { questionId: "overnight-use", value: "yes" }],
    finding: { theme: "Custody records", text: "Times of arrest and arrival are not recorded for every person held.", severity: "medium" as const },
  },
];

function actorFor(workspace: DemoWorkspaceContext, email: string, role: Actor["role"]): Actor {
  return { tenantId: workspace.tenantId, userId: workspace.memberIds.get(email)!, role, ipAddress: null };
}

async function findByName(tx: TenantTx, place: string, template: string) {
  const placeRow = await tx.place.findFirst({ where: { name: place }, select: { id: true } });
  const version = await tx.checklistTemplateVersion.findFirst({ where: { version: 1, template: { name: template } }, select: { id: true } });
  return placeRow && version ? { placeId: placeRow.id, versionId: version.id } : null;
}

/**
 * The joint visits of the demo, through the same services as the app (every step audited in both
 * workspaces): Serbia plans and invites, Ukraine accepts and nominates Olena and Andrii, and Andrii
 * fills part of the checklist and records a finding from the Ukrainian workspace.
 */
export async function seedJointVisits(workspaces: DemoWorkspaceContext[]): Promise<void> {
  const serbia = workspaces.find((w) => w.countryCode === "RS");
  const ukraine = workspaces.find((w) => w.countryCode === "UA");
  if (!serbia || !ukraine) return;
  const host = actorFor(serbia, JELENA, "owner");
  const partnerAdmin = actorFor(ukraine, OLENA, "owner");
  const andrii = actorFor(ukraine, ANDRII, "monitor");
  await withTenant(serbia.tenantId, host.userId, (tx) => setAllowJointVisits(tx, host, true));
  await withTenant(ukraine.tenantId, partnerAdmin.userId, (tx) => setAllowJointVisits(tx, partnerAdmin, true));

  for (const demo of JOINT_VISITS) {
    const visitId = await withTenant(serbia.tenantId, host.userId, async (tx) => {
      const found = await findByName(tx, demo.place, demo.template);
      if (!found) return null;
      const { id } = await planVisit(tx, host, {
        placeId: found.placeId, type: "in_depth", announced: false, nightVisit: demo.template === "Police custody",
        plannedStart: demo.start, plannedEnd: demo.end, objectives: demo.objectives, templateVersionId: found.versionId,
        team: [{ kind: "member", userId: host.userId, visitRole: "lead" }, { kind: "member", userId: serbia.memberIds.get(MARKO)!, visitRole: "monitor" }],
      });
      await transitionVisit(tx, host, id, "in_progress");
      // As a host would: the slug typed, which an unverified partner needs (the demo Ukraine is verified).
      await invitePartner(tx, host, id, ukraine.tenantId, ukraine.slug);
      return id;
    });
    if (!visitId) continue;
    await withTenant(ukraine.tenantId, partnerAdmin.userId, async (tx) => {
      await respondToInvitation(tx, partnerAdmin, serbia.tenantId, visitId, true);
      await nominateMember(tx, partnerAdmin, serbia.tenantId, visitId, partnerAdmin.userId, "lead");
      await nominateMember(tx, partnerAdmin, serbia.tenantId, visitId, andrii.userId, "monitor");
    });
    await withTenant(ukraine.tenantId, andrii.userId, async (tx) => {
      const participation = await enterJointVisit(tx, ukraine.tenantId, andrii.userId, visitId);
      const actor = jointActor(participation, andrii);
      for (const answer of demo.answers) await saveAnswer(tx, actor, { visitId, ...answer, note: null, baseRevision: 0 });
      await createFinding(tx, actor, visitId, demo.finding);
    });
  }
}
