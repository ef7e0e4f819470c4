import { z } from "zod";
import { contentId } from "../templates/content.ts";
import { answerHistory, getChecklist, saveAnswer } from "./answers.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

const visitId = z.uuid();

/** A visit's checklist: everyone in the workspace reads it; monitors and above fill it in. */
export const checklistRouter = router({
  get: tenantProcedure("viewer")
    .input(z.object({ visitId }))
    .query(({ ctx, input }) =>
      getChecklist(ctx.tx, ctx.actor, input.visitId),
    ),

  history: tenantProcedure("viewer")
    .input(z.object({ visitId, questionId: contentId }))
    .query(({ ctx, input }) => answerHistory(ctx.tx, input.visitId, input.questionId)),

  save: tenantProcedure("monitor")
    .input(
      z.object({
        visitId,
        questionId: contentId,
        // Checked against the question's kind by the service (answerValueSchema); null clears the answer.
        value: z.json().nullable(),
        note: z.string().trim().max(10_000).nullable().transform((note) => note || null),
        baseRevision: z.number().int().min(0),
      }),
    )
    .mutation(({ ctx, input }) =>
      saveAnswer(ctx.tx, ctx.actor, input),
    ),
});
