import { reportDocument } from "./document.ts";
import { addRecommendation, deleteRecommendation, getReport, moveRecommendation, saveDraft, updateRecommendation } from "./drafting.ts";
import {
  addRecommendationSchema, moveRecommendationSchema, recommendationRefSchema, reportDraftSchema, responseDeadlineSchema, sendReportSchema,
  similarRecommendationsSchema, updateRecommendationSchema, markRepeatSchema,
} from "./inputs.ts";
import { markRepeat } from "./repeats.ts";
import { reportSettings, sendVisitReport, updateReportSettings } from "./sending.ts";
import { similarToDraft } from "./similar.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/**
 * A visit's report, from draft to sent (docs/decisions/0080). Every member reads; monitors and
 * above draft; coordinators and above send and set the response deadline. What happens to the
 * recommendations after sending belongs to the `recommendations` router.
 */
export const reportsRouter = router({
  get: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => getReport(ctx.tx, ctx.actor, input.visitId)),

  saveDraft: tenantProcedure("monitor").input(reportDraftSchema).mutation(({ ctx, input }) => saveDraft(ctx.tx, ctx.actor, input)),

  addRecommendation: tenantProcedure("monitor")
    .input(addRecommendationSchema)
    .mutation(({ ctx, input: { visitId, ...fields } }) => addRecommendation(ctx.tx, ctx.actor, visitId, fields)),

  updateRecommendation: tenantProcedure("monitor")
    .input(updateRecommendationSchema)
    .mutation(({ ctx, input: { recommendationId, ...fields } }) => updateRecommendation(ctx.tx, ctx.actor, recommendationId, fields)),

  deleteRecommendation: tenantProcedure("monitor")
    .input(recommendationRefSchema)
    .mutation(({ ctx, input }) => deleteRecommendation(ctx.tx, ctx.actor, input.recommendationId)),

  moveRecommendation: tenantProcedure("monitor")
    .input(moveRecommendationSchema)
    .mutation(({ ctx, input }) => moveRecommendation(ctx.tx, ctx.actor, input.recommendationId, input.direction)),

  /** Marks a drafted recommendation as repeating an earlier one of a sent report (decision 0192). */
  markRepeat: tenantProcedure("monitor").input(markRepeatSchema).mutation(({ ctx, input }) => markRepeat(ctx.tx, ctx.actor, input)),

  /** Earlier recommendations to the same place that read like `text`; the editor asks while one is typed. */
  similar: tenantProcedure("viewer")
    .input(similarRecommendationsSchema)
    .query(({ ctx, input }) => similarToDraft(ctx.tx, input.visitId, input.text)),

  send: tenantProcedure("coordinator").input(sendReportSchema).mutation(({ ctx, input }) => sendVisitReport(ctx.tx, ctx.actor, input.visitId, input.sentOn)),

  /** What the PDF holds (no interview content); the web app renders it with `renderReportPdf`. */
  document: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => reportDocument(ctx.tx, ctx.actor, input.visitId)),

  settings: tenantProcedure("viewer").query(({ ctx }) => reportSettings(ctx.tx, ctx.actor)),

  updateSettings: tenantProcedure("coordinator").input(responseDeadlineSchema).mutation(({ ctx, input }) => updateReportSettings(ctx.tx, ctx.actor, input.responseDeadlineDays)),
});
