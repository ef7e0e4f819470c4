import { browseLibrarySchema, importStatusSchema, ownPublicationsSchema, publicationRefSchema, publishToLibrarySchema, takeUpdateSchema } from "./inputs.ts";
import { browseLibrary, getPublication, importPublication, importStatus, ownPublications, publishToLibrary, takeUpdate, unpublish } from "./library.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/** The shared methodology library: everyone browses and previews; coordinators publish and import. */
export const libraryRouter = router({
  browse: tenantProcedure("viewer")
    .input(browseLibrarySchema)
    .query(({ ctx, input }) => browseLibrary(ctx.tx, input)),

  get: tenantProcedure("viewer").input(publicationRefSchema).query(({ ctx, input }) => getPublication(ctx.tx, ctx.actor, input.publicationId)),

  /** The workspace's own publications (of one template, for its page). */
  own: tenantProcedure("viewer")
    .input(ownPublicationsSchema)
    .query(({ ctx, input }) => ownPublications(ctx.tx, ctx.actor, input.templateId)),

  publish: tenantProcedure("coordinator")
    .input(publishToLibrarySchema)
    .mutation(({ ctx, input }) => publishToLibrary(ctx.tx, ctx.actor, input)),

  unpublish: tenantProcedure("coordinator").input(publicationRefSchema).mutation(({ ctx, input }) => unpublish(ctx.tx, ctx.actor, input.publicationId)),

  import: tenantProcedure("coordinator").input(publicationRefSchema).mutation(({ ctx, input }) => importPublication(ctx.tx, ctx.actor, input.publicationId)),

  /** For an imported template: its source and any update with the changes since the version last taken. */
  importStatus: tenantProcedure("viewer")
    .input(importStatusSchema)
    .query(({ ctx, input }) => importStatus(ctx.tx, input.templateId)),

  /** Takes the chosen changes (keys from importStatus) into the template's draft; the rest are declined. */
  takeUpdate: tenantProcedure("coordinator")
    .input(takeUpdateSchema)
    .mutation(({ ctx, input }) => takeUpdate(ctx.tx, ctx.actor, input)),
});
