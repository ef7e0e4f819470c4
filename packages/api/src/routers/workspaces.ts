import { z } from "zod";
import { countryCodeSchema, localeSchema, nameSchema, slugSchema } from "../schemas.ts";
import { createWorkspace, listUserWorkspaces } from "../services/workspaces.ts";
import { authedProcedure, router, tenantProcedure } from "../trpc.ts";

export const workspacesRouter = router({
  /** Every workspace the signed-in user belongs to, with their role in each. */
  mine: authedProcedure.query(({ ctx }) => listUserWorkspaces(ctx.user.id)),

  /** The workspace named in the URL, with the caller's role; NOT_FOUND for non-members. */
  current: tenantProcedure("viewer", { allowDuringDeletionGrace: true }).query(({ ctx }) => ({ ...ctx.tenant, role: ctx.membership.role })),

  create: authedProcedure
    .input(z.object({ name: nameSchema, slug: slugSchema, countryCode: countryCodeSchema, defaultLocale: localeSchema }))
    .mutation(({ ctx, input }) => createWorkspace({ ...input, ownerId: ctx.user.id, ipAddress: ctx.ipAddress })),
});
