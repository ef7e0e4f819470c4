import { z } from "zod";
import { placeFieldsSchema, placeListSchema } from "../registry/schemas.ts";
import { createPlace, getPlace, listPlaces, listRegions, setPlaceArchived, updatePlace } from "../services/places.ts";
import { router, tenantProcedure } from "../trpc.ts";
import { actorOf } from "./actor.ts";

/** The registry of places: everyone reads it; coordinators and above maintain it (decision 0040). */
export const placesRouter = router({
  list: tenantProcedure("viewer").input(placeListSchema).query(({ ctx, input }) => listPlaces(ctx.tx, input)),

  regions: tenantProcedure("viewer").query(({ ctx }) => listRegions(ctx.tx)),

  get: tenantProcedure("viewer")
    .input(z.object({ placeId: z.uuid() }))
    .query(({ ctx, input }) => getPlace(ctx.tx, input.placeId)),

  create: tenantProcedure("coordinator")
    .input(placeFieldsSchema)
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, ...fields } = input;
      return createPlace(ctx.tx, actorOf(ctx), fields);
    }),

  update: tenantProcedure("coordinator")
    .input(placeFieldsSchema.extend({ placeId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      const { tenantSlug: _slug, placeId, ...fields } = input;
      return updatePlace(ctx.tx, actorOf(ctx), placeId, fields);
    }),

  setArchived: tenantProcedure("coordinator")
    .input(z.object({ placeId: z.uuid(), archived: z.boolean() }))
    .mutation(({ ctx, input }) => setPlaceArchived(ctx.tx, actorOf(ctx), input.placeId, input.archived)),
});
