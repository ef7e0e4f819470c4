import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { withAuthorWorkspaces } from "./attribution.ts";
import type { JointParticipation } from "./scope.ts";
import type { Actor } from "../core/actor.ts";
import { openAttachment } from "../attachments/attachments.ts";
import { addRecommendation, updateRecommendation } from "../reports/drafting.ts";
import type { RecommendationFields } from "../reports/inputs.ts";
import { getVisit } from "../visits/detail.ts";
import { workspaceDirectory } from "./joint-visits.ts";

/**
 * What a partner's nominated member sees of the host's visit, inside the joint-visit scope
 * (enterJointVisit): the same visit services as the host's, because row-level security now shows
 * the host's rows of that one visit. The checklist and findings are the existing services, called
 * with the joint actor; this file adds only what is particular to a partner.
 */
export async function jointVisitView(tx: TenantTx, participation: JointParticipation) {
  // One query after another: a transaction's connection runs one at a time anyway.
  const visit = await getVisit(tx, participation.visitId);
  const directory = await workspaceDirectory(tx);
  const partnerMembers = await tx.visitPartnerMember.findMany({
    where: { tenantId: participation.hostTenantId, visitId: participation.visitId, partnerTenantId: participation.partnerTenantId },
    select: { userId: true, visitRole: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const host = directory.find((entry) => entry.id === participation.hostTenantId);
  const { nextStatuses: _next, ...plan } = visit;
  return {
    visit: plan,
    host: { id: participation.hostTenantId, name: host?.name ?? "", countryCode: host?.countryCode ?? "" },
    visitRole: participation.visitRole,
    shareInterviews: participation.shareInterviews,
    partnerMembers: partnerMembers.map((m) => ({ userId: m.userId, name: m.user.name, visitRole: m.visitRole })),
  };
}

/** The host's report draft and its recommendations: partners read them and add or edit recommendations (0107). */
export async function jointVisitReport(tx: TenantTx, participation: JointParticipation) {
  const report = await tx.report.findFirst({
    where: { visitId: participation.visitId },
    select: {
      language: true, summary: true, status: true, updatedAt: true,
      recommendations: {
        select: { id: true, number: true, text: true, priority: true, themeTags: true, updatedAt: true, createdBy: { select: { name: true } }, authorTenantId: true },
        orderBy: { number: "asc" },
      },
    },
  });
  if (!report) return null;
  return { ...report, recommendations: await withAuthorWorkspaces(tx, participation.visitId, report.recommendations) };
}

/** The visit's interview records, when the host shares them (the database refuses otherwise). Notes stay encrypted and out. */
export async function jointVisitInterviews(tx: TenantTx, participation: JointParticipation) {
  if (!participation.shareInterviews) return { shared: false, interviews: [] };
  const interviews = await tx.interview.findMany({
    where: { visitId: participation.visitId },
    select: { id: true, pseudonym: true, category: true, consentGiven: true, allegations: true, reprisalRisk: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { shared: true, interviews };
}

/**
 * One evidence file of the joint visit, for download. Row-level security already limits the
 * host's attachments to this visit; the explicit visit check also keeps the partner's OWN
 * workspace files (visible through its ordinary policy) out of this route and the host's log.
 */
export async function openJointEvidence(tx: TenantTx, actor: Actor, participation: JointParticipation, attachmentId: string, view: Parameters<typeof openAttachment>[3]) {
  const found = await tx.attachment.findFirst({
    where: { id: attachmentId, tenantId: participation.hostTenantId, visitId: participation.visitId },
    select: { id: true },
  });
  if (!found) fail("NOT_FOUND", "errors.notFound");
  return openAttachment(tx, actor, attachmentId, view);
}

type PartnerRecommendation = Pick<RecommendationFields, "text" | "priority"> & { themeTags?: string[] };

/**
 * A partner's recommendation in the host's draft (docs/decisions/0107-joint-report-draft.md): the
 * host starts the draft (its language and summary are the host's), addressees are the host's
 * authorities and stay the host's to set; sending stays with the host.
 */
export async function addJointRecommendation(tx: TenantTx, actor: Actor, participation: JointParticipation, fields: PartnerRecommendation) {
  const report = await tx.report.findFirst({ where: { tenantId: participation.hostTenantId, visitId: participation.visitId }, select: { id: true } });
  if (!report) fail("CONFLICT", "jointErrors.reportNotStarted");
  return addRecommendation(tx, actor, participation.visitId, { ...fields, themeTags: fields.themeTags ?? [], authorityIds: [] });
}

export async function updateJointRecommendation(
  tx: TenantTx, actor: Actor, participation: JointParticipation, recommendationId: string, fields: PartnerRecommendation & { expectedUpdatedAt: Date | null },
) {
  // Only a recommendation of THIS visit: the partner's own workspace's are visible to it as well.
  const current = await tx.recommendation.findFirst({
    where: { id: recommendationId, tenantId: participation.hostTenantId, visitId: participation.visitId },
    select: { themeTags: true },
  });
  if (!current) fail("NOT_FOUND", "errors.notFound");
  // The addressees are not visible to the partner, so setting none leaves the host's untouched.
  return updateRecommendation(tx, actor, recommendationId, { ...fields, themeTags: fields.themeTags ?? current.themeTags, authorityIds: [] });
}
