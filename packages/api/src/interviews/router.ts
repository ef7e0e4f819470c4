import { createInterviewSchema, followUpsDueSchema, interviewRefSchema, updateInterviewSchema } from "./inputs.ts";
import { checkFollowUp, listFollowUpsDue } from "./follow-ups.ts";
import { readInterviewNotes } from "./notes.ts";
import { createInterview, listInterviews, updateInterview } from "./interviews.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

// Need to know on top of the role: every procedure is also limited to the visit's team and the
// workspace's owners and admins (by the services and by row-level security).
export const interviewsRouter = router({
  list: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => listInterviews(ctx.tx, ctx.actor, input.visitId)),

  create: tenantProcedure("monitor")
    .input(createInterviewSchema)
    .mutation(({ ctx, input: { visitId, ...fields } }) => createInterview(ctx.tx, ctx.actor, visitId, fields)),

  update: tenantProcedure("monitor")
    .input(updateInterviewSchema)
    .mutation(({ ctx, input: { interviewId, ...fields } }) => updateInterview(ctx.tx, ctx.actor, interviewId, fields)),

  /**
   * A mutation, not a query: reading notes writes an audit event and must never be cached or
   * prefetched. Still a read: allowed in a read-only or suspended workspace, like opening evidence.
   */
  readNotes: tenantProcedure("viewer", { allowWhenReadOnly: true })
    .input(interviewRefSchema)
    .mutation(({ ctx, input }) => readInterviewNotes(ctx.tx, ctx.actor, input.interviewId)),

  followUpsDue: tenantProcedure("viewer").input(followUpsDueSchema).query(({ ctx, input }) => listFollowUpsDue(ctx.tx, ctx.actor, input.limit)),

  checkFollowUp: tenantProcedure("monitor")
    .input(interviewRefSchema)
    .mutation(({ ctx, input }) => checkFollowUp(ctx.tx, ctx.actor, input.interviewId)),
});
