import { getRecommendation } from "./detail.ts";
import { planFollowUpVisit, recommendationsToVerify } from "./follow-up-visits.ts";
import { placeHistorySchema, planFollowUpSchema, recommendationListSchema, recordUpdateSchema } from "./inputs.ts";
import { listRecommendations, placeRecommendationHistory, recommendationFilterOptions } from "./list.ts";
import { recordUpdate } from "./updates.ts";
import { recommendationRefSchema } from "../reports/inputs.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/**
 * Recommendations after their report is sent (issue 4 §2): every member reads them; monitors and
 * above record the timeline (responses, verifications, assessments) and plan follow-up visits,
 * as they record everything else about visits. docs/decisions/0085-recommendation-follow-up.md
 */
export const recommendationsRouter = router({
  list: tenantProcedure("viewer").input(recommendationListSchema).query(({ ctx, input }) => listRecommendations(ctx.tx, input)),
  filterOptions: tenantProcedure("viewer").query(({ ctx }) => recommendationFilterOptions(ctx.tx)),
  get: tenantProcedure("viewer").input(recommendationRefSchema).query(({ ctx, input }) => getRecommendation(ctx.tx, input.recommendationId)),
  placeHistory: tenantProcedure("viewer").input(placeHistorySchema).query(({ ctx, input }) => placeRecommendationHistory(ctx.tx, input.placeId)),
  toVerify: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => recommendationsToVerify(ctx.tx, input.visitId)),

  recordUpdate: tenantProcedure("monitor", { receivesFile: true }).input(recordUpdateSchema).mutation(({ ctx, input }) => recordUpdate(ctx.tx, ctx.actor, input)),
  planFollowUpVisit: tenantProcedure("monitor").input(planFollowUpSchema).mutation(({ ctx, input }) => planFollowUpVisit(ctx.tx, ctx.actor, input)),
});
