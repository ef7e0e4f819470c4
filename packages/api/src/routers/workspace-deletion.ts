import { z } from "zod";
import { reauthenticate, reauthenticationSchema } from "../services/reauthentication.ts";
import { deletionStatus, restoreWorkspace, scheduleDeletion } from "../services/workspace-deletion.ts";
import { router, tenantProcedure } from "../trpc.ts";

/** An owner deletes the workspace (30 days to change their mind) or restores it. */
export const workspaceDeletionRouter = router({
  status: tenantProcedure("owner", { allowDuringDeletionGrace: true }).query(({ ctx }) => deletionStatus(ctx.tx, ctx.tenant.id)),

  schedule: tenantProcedure("owner")
    .input(z.object({ confirmName: z.string().max(200), reauthentication: reauthenticationSchema }))
    .mutation(async ({ ctx, input }) => {
      // The typed name guards against a slip; re-authentication against a borrowed or stolen session.
      await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
      return scheduleDeletion(ctx.tx, { tenantId: ctx.tenant.id, userId: ctx.user.id, ipAddress: ctx.ipAddress }, ctx.tenant.name, input.confirmName);
    }),

  restore: tenantProcedure("owner", { allowDuringDeletionGrace: true, allowWhenReadOnly: true }).mutation(async ({ ctx }) => {
    await restoreWorkspace(ctx.tx, { tenantId: ctx.tenant.id, userId: ctx.user.id, ipAddress: ctx.ipAddress });
    return { ok: true as const };
  }),
});
