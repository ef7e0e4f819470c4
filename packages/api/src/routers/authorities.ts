import { z } from "zod";
import { authorityFieldsSchema } from "../registry/schemas.ts";
import { createAuthority, listAuthorities, setAuthorityArchived, updateAuthority } from "../services/authorities.ts";
import { router, tenantProcedure } from "../trpc.ts";
import { actorOf } from "./actor.ts";

export const authoritiesRouter = router({
  list: tenantProcedure("viewer")
    .input(z.object({ includeArchived: z.boolean().default(false) }))
    .query(({ ctx, input }) => listAuthorities(ctx.tx, { includeArchived: input.includeArchived })),

  create: tenantProcedure("coordinator")
    .input(authorityFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, ...fields } = input;
      return createAuthority(ctx.tx, actorOf(ctx), fields);
    }),

  update: tenantProcedure("coordinator")
    .input(authorityFieldsSchema.extend({ authorityId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, authorityId, ...fields } = input;
      return updateAuthority(ctx.tx, actorOf(ctx), authorityId, fields);
    }),

  setArchived: tenantProcedure("coordinator")
    .input(z.object({ authorityId: z.uuid(), archived: z.boolean() }))
    .mutation(({ ctx, input }) => setAuthorityArchived(ctx.tx, actorOf(ctx), input.authorityId, input.archived)),
});
