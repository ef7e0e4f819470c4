import { z } from "zod";
import { uploadAttachmentSchema } from "../attachments/inputs.ts";
import { answerHistorySchema, saveAnswerSchema } from "../checklist/inputs.ts";
import { visitRoleSchema } from "../core/schemas.ts";
import { recommendationFieldsSchema, themeTagsSchema } from "../reports/inputs.ts";

/**
 * Zod schemas of the joint-visits router's inputs. A partner works on the host's visit with the
 * host's own inputs, less the visit (jointVisitProcedure takes it), so both sides validate alike.
 */

export const allowJointVisitsSchema = z.object({ allow: z.boolean() });

export const partnershipSchema = z.object({ visitId: z.uuid(), partnerTenantId: z.uuid() });
const invitation = z.object({ hostTenantId: z.uuid(), visitId: z.uuid() });

/** `confirmSlug`: the partner's slug as the host typed it; required when the partner is not verified. */
export const invitePartnerSchema = partnershipSchema.extend({ confirmSlug: z.string().trim().max(100).nullish() });

export const interviewSharingSchema = partnershipSchema.extend({ share: z.boolean() });

export const respondToJointVisitSchema = invitation.extend({ accept: z.boolean() });

export const nominateMemberSchema = invitation.extend({ userId: z.uuid(), visitRole: visitRoleSchema });

export const withdrawNominationSchema = invitation.extend({ userId: z.uuid() });

export const jointSaveAnswerSchema = saveAnswerSchema.omit({ visitId: true });

export const jointAnswerHistorySchema = answerHistorySchema.omit({ visitId: true });

export const jointEvidenceUploadSchema = uploadAttachmentSchema.omit({ visitId: true, questionId: true });

/** What a partner writes in a recommendation of the host's draft; tags kept as they are when left out. */
export const partnerRecommendationSchema = recommendationFieldsSchema
  .pick({ text: true, priority: true })
  .extend({ themeTags: themeTagsSchema.optional() });

export const updatePartnerRecommendationSchema = partnerRecommendationSchema.extend({
  recommendationId: z.uuid(),
  expectedUpdatedAt: z.coerce.date().nullable().default(null),
});
