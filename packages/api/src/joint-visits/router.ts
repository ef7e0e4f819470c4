import { z } from "zod";
import { contentId } from "../templates/content.ts";
import { FINDING_SEVERITIES } from "../interviews/shared.ts";
import { enterJointVisit, jointActor } from "./scope.ts";
import { recordAudit } from "../core/audit.ts";
import { answerHistory, getChecklist, saveAnswer } from "../checklist/answers.ts";
import { createFinding, listFindings } from "../findings/findings.ts";
import { uploadAttachment } from "../attachments/attachments.ts";
import { RECOMMENDATION_PRIORITIES, themeTagsSchema } from "../reports/inputs.ts";
import {
  addJointRecommendation, jointVisitInterviews, jointVisitReport, jointVisitView, openJointEvidence, updateJointRecommendation,
} from "./work.ts";
import {
  endPartnership, invitePartner, jointVisitSetting, listJointVisits, nominateMember, respondToInvitation, setAllowJointVisits,
  setInterviewSharing, visitPartners, withdrawNomination, workspaceDirectory,
} from "./joint-visits.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import { visitRoleSchema } from "../visits/inputs.ts";

const id = z.uuid();
const partnership = z.object({ visitId: id, partnerTenantId: id });
const invitation = z.object({ hostTenantId: id, visitId: id });
/** What a partner writes in a recommendation of the host's draft; tags kept as they are when left out. */
const partnerRecommendation = z.object({
  text: z.string().trim().min(1, { error: "reportErrors.textRequired" }).max(5_000),
  priority: z.enum(RECOMMENDATION_PRIORITIES),
  themeTags: themeTagsSchema.optional(),
});

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * Work on a host's visit from the partner's own workspace (the tenantSlug is the PARTNER's): the
 * membership check is the usual one, then enterJointVisit opens that one visit if, and only if,
 * the participation rows say the caller is a nominated member of an accepted partnership. Every
 * change is audited by the service in the host's log and here, once more, in the partner's own.
 */
function jointVisitProcedure(minRole: "viewer" | "monitor") {
  return tenantProcedure(minRole)
    .input(z.object({ visitId: id }))
    .use(async ({ ctx, input, next, type, path }) => {
      const participation = await enterJointVisit(ctx.tx, ctx.tenant.id, ctx.user.id, input.visitId);
      const result = await next({ ctx: { participation, jointActor: jointActor(participation, ctx.actor) } });
      if (result.ok && type === "mutation") {
        // In the partner's own log: ctx.actor is the caller in their workspace (the services get the host-side jointActor).
        await recordAudit(ctx.tx, ctx.actor, {
          action: "jointVisit.partnerAction", targetType: "visit", targetId: input.visitId,
          details: { procedure: path, hostTenantId: participation.hostTenantId },
        });
      }
      return result;
    });
}

export const jointVisitsRouter = router({
  // The workspace setting and the directory.
  setting: tenantProcedure("viewer").query(({ ctx }) => jointVisitSetting(ctx.tx, ctx.tenant.id)),
  setAllowed: tenantProcedure("admin")
    .input(z.object({ allow: z.boolean() }))
    .mutation(({ ctx, input }) => setAllowJointVisits(ctx.tx, ctx.actor, input.allow)),
  directory: tenantProcedure("viewer").query(({ ctx }) => workspaceDirectory(ctx.tx)),

  // The host's side: partners of one of its visits.
  partners: tenantProcedure("viewer").input(z.object({ visitId: id })).query(({ ctx, input }) => visitPartners(ctx.tx, ctx.actor, input.visitId)),
  /** `confirmSlug`: the partner's slug as the host typed it; required when the partner is not verified. */
  invite: tenantProcedure("coordinator")
    .input(partnership.extend({ confirmSlug: z.string().trim().max(100).nullish() }))
    .mutation(({ ctx, input }) => invitePartner(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId, input.confirmSlug)),
  setInterviewSharing: tenantProcedure("admin")
    .input(partnership.extend({ share: z.boolean() }))
    .mutation(({ ctx, input }) => setInterviewSharing(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId, input.share)),
  end: tenantProcedure("coordinator").input(partnership).mutation(({ ctx, input }) => endPartnership(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId)),

  // The partner's side: invitations addressed to it, and its nominations.
  list: tenantProcedure("viewer").query(({ ctx }) => listJointVisits(ctx.tx, ctx.actor)),
  respond: tenantProcedure("admin")
    .input(invitation.extend({ accept: z.boolean() }))
    .mutation(({ ctx, input }) => respondToInvitation(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.accept)),
  nominate: tenantProcedure("admin")
    .input(invitation.extend({ userId: id, visitRole: visitRoleSchema }))
    .mutation(({ ctx, input }) => nominateMember(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.userId, input.visitRole)),
  withdraw: tenantProcedure("admin")
    .input(invitation.extend({ userId: id }))
    .mutation(({ ctx, input }) => withdrawNomination(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.userId)),

  // A nominated member's work on the host's visit.
  get: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitView(ctx.tx, ctx.participation)),
  checklist: jointVisitProcedure("viewer").query(({ ctx }) => getChecklist(ctx.tx, ctx.jointActor, ctx.participation.visitId)),
  saveAnswer: jointVisitProcedure("monitor")
    .input(
      z.object({
        questionId: contentId,
        value: z.json().nullable(),
        note: z.string().trim().max(10_000).nullable().transform((note) => note || null),
        baseRevision: z.number().int().min(0),
      }),
    )
    .mutation(({ ctx, input }) => saveAnswer(ctx.tx, ctx.jointActor, input)),
  history: jointVisitProcedure("viewer")
    .input(z.object({ questionId: contentId }))
    .query(({ ctx, input }) => answerHistory(ctx.tx, ctx.participation.visitId, input.questionId)),
  findings: jointVisitProcedure("viewer").query(({ ctx }) => listFindings(ctx.tx, ctx.participation.visitId)),
  createFinding: jointVisitProcedure("monitor")
    .input(
      z.object({
        theme: z.string().trim().min(1, { error: "findingErrors.themeRequired" }).max(200),
        text: z.string().trim().min(1, { error: "findingErrors.textRequired" }).max(20_000),
        severity: z.enum(FINDING_SEVERITIES),
      }),
    )
    .mutation(({ ctx, input }) => createFinding(ctx.tx, ctx.jointActor, ctx.participation.visitId, input)),
  /** Evidence on the host's visit, as a stream: only callable on the server (the joint visit's upload action). */
  uploadEvidence: jointVisitProcedure("monitor")
    .input(z.object({
      findingId: id.nullable().default(null),
      fileName: z.string().trim().min(1, { error: "attachmentErrors.noFile" }).max(1000),
      content: z.custom<AsyncIterable<Uint8Array>>(isByteStream, { error: "attachmentErrors.noFile" }),
    }))
    .mutation(({ ctx, input }) => uploadAttachment(ctx.tx, ctx.jointActor, { ...input, visitId: ctx.participation.visitId })),
  /** For the joint visit's download route: one of THIS visit's evidence files; audited in both workspaces. */
  openEvidence: jointVisitProcedure("viewer")
    .input(z.object({ attachmentId: id }))
    .mutation(({ ctx, input }) => openJointEvidence(ctx.tx, ctx.jointActor, ctx.participation, input.attachmentId)),
  report: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitReport(ctx.tx, ctx.participation)),
  addRecommendation: jointVisitProcedure("monitor")
    .input(partnerRecommendation)
    .mutation(({ ctx, input }) => addJointRecommendation(ctx.tx, ctx.jointActor, ctx.participation, input)),
  updateRecommendation: jointVisitProcedure("monitor")
    .input(partnerRecommendation.extend({ recommendationId: id, expectedUpdatedAt: z.coerce.date().nullable().default(null) }))
    .mutation(({ ctx, input }) => {
      const { recommendationId, ...fields } = input;
      return updateJointRecommendation(ctx.tx, ctx.jointActor, ctx.participation, recommendationId, fields);
    }),
  interviews: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitInterviews(ctx.tx, ctx.participation)),
});
