import { answerHistory, getChecklist, saveAnswer } from "./answers.ts";
import { answerHistorySchema, saveAnswerSchema } from "./inputs.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/** A visit's checklist: everyone in the workspace reads it; monitors and above fill it in. */
export const checklistRouter = router({
  get: tenantProcedure("viewer")
    .input(visitRefSchema)
    .query(({ ctx, input }) =>
      getChecklist(ctx.tx, ctx.actor, input.visitId),
    ),

  history: tenantProcedure("viewer")
    .input(answerHistorySchema)
    .query(({ ctx, input }) => answerHistory(ctx.tx, input.visitId, input.questionId)),

  save: tenantProcedure("monitor")
    .input(saveAnswerSchema)
    .mutation(({ ctx, input }) =>
      saveAnswer(ctx.tx, ctx.actor, input),
    ),
});
