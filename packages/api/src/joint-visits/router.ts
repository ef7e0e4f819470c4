import { jointVisitProcedure } from "./joint-visit-procedure.ts";
import { answerHistory, getChecklist, saveAnswer } from "../checklist/answers.ts";
import { createFinding, listFindings } from "../findings/findings.ts";
import { uploadAttachment } from "../attachments/attachments.ts";
import { openAttachmentSchema } from "../attachments/inputs.ts";
import { findingFieldsSchema } from "../findings/inputs.ts";
import {
  allowJointVisitsSchema, interviewSharingSchema, invitePartnerSchema, jointAnswerHistorySchema, jointEvidenceUploadSchema, jointSaveAnswerSchema,
  nominateMemberSchema, partnerRecommendationSchema, partnershipSchema, respondToJointVisitSchema, updatePartnerRecommendationSchema,
  withdrawNominationSchema,
} from "./inputs.ts";
import {
  addJointRecommendation, jointVisitInterviews, jointVisitReport, jointVisitView, openJointEvidence, updateJointRecommendation,
} from "./work.ts";
import {
  endPartnership, invitePartner, jointVisitSetting, listJointVisits, nominateMember, respondToInvitation, setAllowJointVisits,
  setInterviewSharing, visitPartners, withdrawNomination, workspaceDirectory,
} from "./joint-visits.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import { forgetPublicSiteOnCommit } from "../public-site/page-cache.ts";

export const jointVisitsRouter = router({
  // The workspace setting and the directory.
  setting: tenantProcedure("viewer").query(({ ctx }) => jointVisitSetting(ctx.tx, ctx.tenant.id)),
  setAllowed: tenantProcedure("admin")
    .input(allowJointVisitsSchema)
    .mutation(({ ctx, input }) => setAllowJointVisits(ctx.tx, ctx.actor, input.allow)),
  directory: tenantProcedure("viewer").query(({ ctx }) => workspaceDirectory(ctx.tx)),

  // The host's side: partners of one of its visits.
  partners: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => visitPartners(ctx.tx, ctx.actor, input.visitId)),
  /** `confirmSlug`: the partner's slug as the host typed it; required when the partner is not verified. */
  invite: tenantProcedure("coordinator")
    .input(invitePartnerSchema)
    .mutation(({ ctx, input }) => invitePartner(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId, input.confirmSlug)),
  setInterviewSharing: tenantProcedure("admin")
    .input(interviewSharingSchema)
    .mutation(({ ctx, input }) => setInterviewSharing(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId, input.share)),
  end: tenantProcedure("coordinator").input(partnershipSchema).mutation(async ({ ctx, input }) => {
    const ended = await endPartnership(ctx.tx, ctx.actor, input.visitId, input.partnerTenantId);
    // The partner's site may mention this visit (decision 0257): forgetting any site forgets the
    // pages that show other sites' publications, the partner's among them.
    forgetPublicSiteOnCommit(ctx.tx, ctx.tenant.slug);
    return ended;
  }),

  // The partner's side: invitations addressed to it, and its nominations.
  list: tenantProcedure("viewer").query(({ ctx }) => listJointVisits(ctx.tx, ctx.actor)),
  respond: tenantProcedure("admin")
    .input(respondToJointVisitSchema)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.accept)),
  nominate: tenantProcedure("admin")
    .input(nominateMemberSchema)
    .mutation(({ ctx, input }) => nominateMember(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.userId, input.visitRole)),
  withdraw: tenantProcedure("admin")
    .input(withdrawNominationSchema)
    .mutation(({ ctx, input }) => withdrawNomination(ctx.tx, ctx.actor, input.hostTenantId, input.visitId, input.userId)),

  // A nominated member's work on the host's visit.
  get: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitView(ctx.tx, ctx.participation)),
  checklist: jointVisitProcedure("viewer").query(({ ctx }) => getChecklist(ctx.tx, ctx.jointActor, ctx.participation.visitId)),
  saveAnswer: jointVisitProcedure("monitor")
    .input(jointSaveAnswerSchema)
    .mutation(({ ctx, input }) => saveAnswer(ctx.tx, ctx.jointActor, input)),
  history: jointVisitProcedure("viewer")
    .input(jointAnswerHistorySchema)
    .query(({ ctx, input }) => answerHistory(ctx.tx, ctx.participation.visitId, input.questionId)),
  findings: jointVisitProcedure("viewer").query(({ ctx }) => listFindings(ctx.tx, ctx.participation.visitId)),
  createFinding: jointVisitProcedure("monitor")
    .input(findingFieldsSchema)
    .mutation(({ ctx, input }) => createFinding(ctx.tx, ctx.jointActor, ctx.participation.visitId, input)),
  /** Evidence on the host's visit, as a stream: only callable on the server (the joint visit's upload action). */
  uploadEvidence: jointVisitProcedure("monitor", { receivesFile: true })
    .input(jointEvidenceUploadSchema)
    .mutation(({ ctx, input }) => uploadAttachment(ctx.tx, ctx.jointActor, { ...input, visitId: ctx.participation.visitId })),
  /** For the joint visit's download route: one of THIS visit's evidence files; audited in both workspaces; a read, so allowed read-only. */
  openEvidence: jointVisitProcedure("viewer", { allowWhenReadOnly: true })
    .input(openAttachmentSchema)
    .mutation(({ ctx, input }) => openJointEvidence(ctx.tx, ctx.jointActor, ctx.participation, input.attachmentId, input.view)),
  report: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitReport(ctx.tx, ctx.participation)),
  addRecommendation: jointVisitProcedure("monitor")
    .input(partnerRecommendationSchema)
    .mutation(({ ctx, input }) => addJointRecommendation(ctx.tx, ctx.jointActor, ctx.participation, input)),
  updateRecommendation: jointVisitProcedure("monitor")
    .input(updatePartnerRecommendationSchema)
    .mutation(({ ctx, input }) => {
      const { recommendationId, ...fields } = input;
      return updateJointRecommendation(ctx.tx, ctx.jointActor, ctx.participation, recommendationId, fields);
    }),
  interviews: jointVisitProcedure("viewer").query(({ ctx }) => jointVisitInterviews(ctx.tx, ctx.participation)),
});
