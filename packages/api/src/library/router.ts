import { LOCALES } from "@vigil/i18n";
import { z } from "zod";
import { placeTypeSchema } from "../registry/schemas.ts";
import { browseLibrary, getPublication, importPublication, importStatus, ownPublications, publishToLibrary, takeUpdate, unpublish } from "./library.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

const publicationId = z.object({ publicationId: z.uuid() });

/** The shared methodology library: everyone browses and previews; coordinators publish and import. */
export const libraryRouter = router({
  browse: tenantProcedure("viewer")
    .input(z.object({ placeType: placeTypeSchema.optional(), language: z.enum(LOCALES).optional(), publisherId: z.uuid().optional(), forumId: z.uuid().optional() }))
    .query(({ ctx, input }) => browseLibrary(ctx.tx, input)),

  get: tenantProcedure("viewer").input(publicationId).query(({ ctx, input }) => getPublication(ctx.tx, ctx.actor, input.publicationId)),

  /** The workspace's own publications (of one template, for its page). */
  own: tenantProcedure("viewer")
    .input(z.object({ templateId: z.uuid().optional() }))
    .query(({ ctx, input }) => ownPublications(ctx.tx, ctx.actor, input.templateId)),

  publish: tenantProcedure("coordinator")
    .input(z.object({ versionId: z.uuid(), forumId: z.uuid().nullish() }))
    .mutation(({ ctx, input }) => publishToLibrary(ctx.tx, ctx.actor, input)),

  unpublish: tenantProcedure("coordinator").input(publicationId).mutation(({ ctx, input }) => unpublish(ctx.tx, ctx.actor, input.publicationId)),

  import: tenantProcedure("coordinator").input(publicationId).mutation(({ ctx, input }) => importPublication(ctx.tx, ctx.actor, input.publicationId)),

  /** For an imported template: its source and any update with the changes since the version last taken. */
  importStatus: tenantProcedure("viewer")
    .input(z.object({ templateId: z.uuid() }))
    .query(({ ctx, input }) => importStatus(ctx.tx, input.templateId)),

  /** Takes the chosen changes (keys from importStatus) into the template's draft; the rest are declined. */
  takeUpdate: tenantProcedure("coordinator")
    .input(z.object({ templateId: z.uuid(), publicationId: z.uuid(), take: z.array(z.string().max(80)).max(2000) }))
    .mutation(({ ctx, input }) => takeUpdate(ctx.tx, ctx.actor, input)),
});
