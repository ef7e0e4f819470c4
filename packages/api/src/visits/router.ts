import { getVisit, planningOptions, visitPreparation } from "./detail.ts";
import { listVisits, upcomingVisits, visitFilterOptions, visitsInMonth } from "./lists.ts";
import { addTeamMember, removeTeamMember, teamManagement } from "./team.ts";
import { planVisit, transitionVisit, updateVisitPlan } from "./planning.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import {
  addTeamMemberSchema, planningOptionsSchema, planVisitSchema, removeTeamMemberSchema, transitionVisitSchema, updatePlanSchema, visitCalendarSchema,
  visitListSchema,
} from "./inputs.ts";
import { visitRefSchema } from "../core/schemas.ts";

/**
 * Visits: every member may read them; planning and the status are changed by monitors and above
 * (viewers only read). docs/decisions/0050-visit-status-transitions.md. The team is managed by the
 * visit's lead and by coordinators and above (the service checks which visit; decision 0147).
 */
export const visitsRouter = router({
  list: tenantProcedure("viewer").input(visitListSchema).query(({ ctx, input }) => listVisits(ctx.tx, input)),
  calendar: tenantProcedure("viewer").input(visitCalendarSchema).query(({ ctx, input }) => visitsInMonth(ctx.tx, input.year, input.month)),
  upcoming: tenantProcedure("viewer").query(({ ctx }) => upcomingVisits(ctx.tx, new Date())),
  filterOptions: tenantProcedure("viewer").query(({ ctx }) => visitFilterOptions(ctx.tx)),
  // With what the caller may do to the team, so the page offers only those controls.
  get: tenantProcedure("viewer").input(visitRefSchema).query(async ({ ctx, input }) => {
    const visit = await getVisit(ctx.tx, input.visitId);
    return { ...visit, teamManagement: await teamManagement(ctx.tx, ctx.actor, visit.id) };
  }),
  preparation: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => visitPreparation(ctx.tx, input.visitId)),
  planningOptions: tenantProcedure("monitor")
    .input(planningOptionsSchema)
    .query(({ ctx, input }) => planningOptions(ctx.tx, input.placeId)),

  plan: tenantProcedure("monitor").input(planVisitSchema).mutation(({ ctx, input }) => planVisit(ctx.tx, ctx.actor, input)),
  updatePlan: tenantProcedure("monitor").input(updatePlanSchema).mutation(({ ctx, input }) => updateVisitPlan(ctx.tx, ctx.actor, input)),
  addTeamMember: tenantProcedure("monitor")
    .input(addTeamMemberSchema)
    .mutation(({ ctx, input }) => addTeamMember(ctx.tx, ctx.actor, input.visitId, input.member)),
  removeTeamMember: tenantProcedure("monitor")
    .input(removeTeamMemberSchema)
    .mutation(({ ctx, input }) => removeTeamMember(ctx.tx, ctx.actor, input.visitId, input.teamMemberId)),
  transition: tenantProcedure("monitor")
    .input(transitionVisitSchema)
    .mutation(({ ctx, input }) => transitionVisit(ctx.tx, ctx.actor, input.visitId, input.to)),
});
