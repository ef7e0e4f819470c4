import {
  archiveAuthoritySchema, archivePlaceSchema, authorityFieldsSchema, authorityListSchema, placeFieldsSchema, placeListSchema, placeRefSchema,
  updateAuthoritySchema, updatePlaceSchema,
} from "./inputs.ts";
import { createPlace, getPlace, listPlaces, listRegions, setPlaceArchived, updatePlace } from "./places.ts";
import { router, tenantProcedure } from "../core/trpc.ts";
import { createAuthority, listAuthorities, setAuthorityArchived, updateAuthority } from "./authorities.ts";

/** The registry of places: everyone reads it; coordinators and above maintain it (decision 0040). */
export const placesRouter = router({
  list: tenantProcedure("viewer").input(placeListSchema).query(({ ctx, input }) => listPlaces(ctx.tx, input)),

  regions: tenantProcedure("viewer").query(({ ctx }) => listRegions(ctx.tx)),

  get: tenantProcedure("viewer")
    .input(placeRefSchema)
    .query(({ ctx, input }) => getPlace(ctx.tx, input.placeId)),

  create: tenantProcedure("coordinator")
    .input(placeFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, ...fields } = input;
      return createPlace(ctx.tx, ctx.actor, fields);
    }),

  update: tenantProcedure("coordinator")
    .input(updatePlaceSchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, placeId, ...fields } = input;
      return updatePlace(ctx.tx, ctx.actor, placeId, fields);
    }),

  setArchived: tenantProcedure("coordinator")
    .input(archivePlaceSchema)
    .mutation(({ ctx, input }) => setPlaceArchived(ctx.tx, ctx.actor, input.placeId, input.archived)),
});

export const authoritiesRouter = router({
  list: tenantProcedure("viewer")
    .input(authorityListSchema)
    .query(({ ctx, input }) => listAuthorities(ctx.tx, { includeArchived: input.includeArchived })),

  create: tenantProcedure("coordinator")
    .input(authorityFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, ...fields } = input;
      return createAuthority(ctx.tx, ctx.actor, fields);
    }),

  update: tenantProcedure("coordinator")
    .input(updateAuthoritySchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, authorityId, ...fields } = input;
      return updateAuthority(ctx.tx, ctx.actor, authorityId, fields);
    }),

  setArchived: tenantProcedure("coordinator")
    .input(archiveAuthoritySchema)
    .mutation(({ ctx, input }) => setAuthorityArchived(ctx.tx, ctx.actor, input.authorityId, input.archived)),
});
