import { z } from "zod";
import type { Context } from "../core/context.ts";
import type { Actor } from "../members/members.ts";
import { getVisit, planningOptions, visitPreparation } from "./detail.ts";
import { listVisits, upcomingVisits, visitFilterOptions, visitsInMonth } from "./lists.ts";
import { addTeamMember, removeTeamMember, teamManagement } from "./team.ts";
import { planVisit, transitionVisit, updateVisitPlan } from "./planning.ts";
import { router, tenantProcedure, type TenantContext } from "../core/trpc.ts";
import { planVisitSchema, teamMemberSchema, updatePlanSchema, visitCalendarSchema, visitListSchema, visitStatusSchema } from "./inputs.ts";

const visitId = z.object({ visitId: z.uuid() });

function actor(ctx: Context & TenantContext & { user: { id: string } }): Actor {
  return { tenantId: ctx.tenant.id, userId: ctx.user.id, role: ctx.membership.role, ipAddress: ctx.ipAddress };
}

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
  get: tenantProcedure("viewer").input(visitId).query(async ({ ctx, input }) => {
    const visit = await getVisit(ctx.tx, input.visitId);
    return { ...visit, teamManagement: await teamManagement(ctx.tx, actor(ctx), visit.id) };
  }),
  preparation: tenantProcedure("viewer").input(visitId).query(({ ctx, input }) => visitPreparation(ctx.tx, input.visitId)),
  planningOptions: tenantProcedure("monitor")
    .input(z.object({ placeId: z.uuid().optional() }))
    .query(({ ctx, input }) => planningOptions(ctx.tx, input.placeId)),

  plan: tenantProcedure("monitor").input(planVisitSchema).mutation(({ ctx, input }) => planVisit(ctx.tx, actor(ctx), input)),
  updatePlan: tenantProcedure("monitor").input(updatePlanSchema).mutation(({ ctx, input }) => updateVisitPlan(ctx.tx, actor(ctx), input)),
  addTeamMember: tenantProcedure("monitor")
    .input(z.object({ visitId: z.uuid(), member: teamMemberSchema }))
    .mutation(({ ctx, input }) => addTeamMember(ctx.tx, actor(ctx), input.visitId, input.member)),
  removeTeamMember: tenantProcedure("monitor")
    .input(z.object({ visitId: z.uuid(), teamMemberId: z.uuid() }))
    .mutation(({ ctx, input }) => removeTeamMember(ctx.tx, actor(ctx), input.visitId, input.teamMemberId)),
  transition: tenantProcedure("monitor")
    .input(z.object({ visitId: z.uuid(), to: visitStatusSchema }))
    .mutation(({ ctx, input }) => transitionVisit(ctx.tx, actor(ctx), input.visitId, input.to)),
});
